// CAMEO codes and quad classes: names, colours and the lookups views share.
import codes from 'virtual:cameo-codes';

// Cooperation in blues, conflict in oranges: distinguishable with the
// common colour-vision deficiencies, and light = verbal, dark = material.
export const QUADS = [
  {quad: 1, name: 'Verbal cooperation', short: 'Verbal coop.', color: '#8fbfe0'},
  {quad: 2, name: 'Material cooperation', short: 'Material coop.', color: '#1f6fb2'},
  {quad: 3, name: 'Verbal conflict', short: 'Verbal conflict', color: '#f5a35c'},
  {quad: 4, name: 'Material conflict', short: 'Material conflict', color: '#c2410c'},
];
export const COOPERATION_COLOR = '#1f6fb2';
export const CONFLICT_COLOR = '#c2410c';
export const MIXED_COLOR = '#8a6fb0';

// The table names roots in capitals (MAKE PUBLIC STATEMENT); shown in
// sentence case beside the codes' own names.
function readable(name) {
  return name === name.toUpperCase() ?
      name.charAt(0) + name.slice(1).toLowerCase() :
      name;
}

/** The name of a CAMEO code, or of its nearest listed prefix; '' if none. */
export function cameoName(code) {
  for (let prefix = code ?? ''; prefix.length >= 2; prefix = prefix.slice(0, -1)) {
    const entry = codes[prefix];
    if (entry) return readable(entry.name);
  }
  return '';
}

/** The 20 CAMEO roots as [{code, name}], in code order. */
export function cameoRoots() {
  return Object.keys(codes)
      .filter((code) => code.length === 2)
      .sort()
      .map((code) => ({code, name: readable(codes[code].name)}));
}

export function quadInfo(quad) {
  return QUADS.find((q) => q.quad === quad) ?? null;
}
