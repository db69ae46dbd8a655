// Requests to the dyad JSON API (docs/api.md). Each view keeps one Channel:
// a newer request aborts the older one, so a slow answer never overwrites a
// newer view.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// At most this many API requests in flight. The browser opens one
// connection per concurrent request, and a keep-alive connection holds one
// of the server's request threads while idle (8 by default, let go after a
// second), so a server started with few --threads could leave requests
// waiting. Three keep the dashboard within a small server.
const MAX_IN_FLIGHT = 3;
let inFlight = 0;
const waiting = [];

async function acquireSlot(signal) {
  while (inFlight >= MAX_IN_FLIGHT) {
    await new Promise((resolve) => waiting.push(resolve));
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
  }
  inFlight++;
}

function releaseSlot() {
  inFlight--;
  waiting.shift()?.();
}

/** GET /api/<path> with the non-empty `params`; resolves to the JSON body. */
export async function getJson(path, params = {}, signal = undefined) {
  await acquireSlot(signal);
  try {
    return await fetchJson(path, params, signal);
  } finally {
    releaseSlot();
  }
}

async function fetchJson(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  const queryText = query.toString();
  const url = `api/${path}${queryText ? '?' + queryText : ''}`;
  let response;
  try {
    response = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(`cannot reach the dyad server (${error.message})`, 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const reason = body && body.error ? body.error : response.statusText;
    throw new ApiError(`${response.status}: ${reason}`, response.status);
  }
  if (body === null) throw new ApiError(`${url}: the answer is not JSON`, response.status);
  return body;
}

/** One in-flight request per view; starting a new one aborts the last. */
export class Channel {
  constructor() {
    this.controller = null;
  }

  /** Resolves to the body, or to null when a newer request replaced it. */
  async get(path, params) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      return await getJson(path, params, controller.signal);
    } catch (error) {
      if (error.name === 'AbortError') return null;
      throw error;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}

/** The /api/events parameters for the filter state (both dyad directions). */
export function eventParams(state) {
  const params = {
    cameo: state.cameo,
    quad: state.quad,
    from: state.from,
    to: state.to,
    q: state.q,
  };
  if (state.a && state.b) {
    params.a = state.a;
    params.b = state.b;
  } else if (state.a || state.b) {
    params.actor = state.a || state.b;
  }
  return params;
}
