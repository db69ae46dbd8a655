// The dashboard's state lives in the URL hash (#a=JPN&b=IGOWSTNAT&...), so
// any view can be bookmarked or linked, and back/forward walk through it.

export const FILTER_KEYS = ['a', 'b', 'cameo', 'quad', 'from', 'to', 'q'];
const DEFAULTS = {bucket: 'day', page: 0, min: 1, article: '', event: ''};

/** Reads the state from a hash string ('#a=JPN&page=2'). */
export function parseHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {...DEFAULTS};
  for (const key of FILTER_KEYS) state[key] = (params.get(key) ?? '').trim();
  state.a = state.a.toUpperCase();
  state.b = state.b.toUpperCase();
  const bucket = params.get('bucket');
  if (['day', 'week', 'month'].includes(bucket)) state.bucket = bucket;
  state.page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  state.min = Math.max(1, Number.parseInt(params.get('min') ?? '1', 10) || 1);
  state.article = params.get('article') ?? '';
  state.event = params.get('event') ?? '';
  return state;
}

/** Writes the state as a hash string, leaving out defaults and empties. */
export function formatHash(state) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...Object.keys(DEFAULTS)]) {
    const value = state[key];
    if (value === undefined || value === null || value === '') continue;
    if (key in DEFAULTS && value === DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? '#' + text : '#';
}

/** True when the two states ask for the same filtered data. */
export function sameFilters(left, right) {
  return FILTER_KEYS.every((key) => left[key] === right[key]);
}
