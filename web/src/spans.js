// Marking spans of an article's text. The API gives spans as UTF-8 byte
// offsets into the text, while JS strings index UTF-16 code units: the two
// differ after the first non-ASCII character (’, “, é, ...), so every slice
// is taken from the encoded bytes and decoded back, never with
// String.prototype.slice.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The UTF-8 bytes of `text`. */
export function utf8Bytes(text) {
  return encoder.encode(text);
}

/** The text of bytes [begin, end) of `bytes` (offsets clamped and snapped). */
export function sliceBytes(bytes, begin, end) {
  const [b, e] = snapSpan(bytes, begin, end);
  return decoder.decode(bytes.subarray(b, e));
}

function isContinuationByte(byte) {
  return (byte & 0xc0) === 0x80;
}

/**
 * Clamps [begin, end) to the bytes and widens it to whole characters, so a
 * slightly wrong offset shows a whole character rather than U+FFFD.
 */
export function snapSpan(bytes, begin, end) {
  let b = Math.max(0, Math.min(bytes.length, Math.trunc(begin)));
  let e = Math.max(b, Math.min(bytes.length, Math.trunc(end)));
  while (b > 0 && isContinuationByte(bytes[b])) b--;
  while (e < bytes.length && isContinuationByte(bytes[e])) e++;
  return [b, e];
}

/**
 * Builds `text` as DOM nodes with the marks wrapped in elements.
 *
 * `marks`: [{begin, end, tag = 'span', attributes}] in byte offsets,
 * highest precedence first: when two marks cross, the earlier one stays
 * whole and the later one is cut at its edges; a mark that encloses
 * another simply contains it. Empty marks are dropped.
 *
 * `makeElement(mark)` creates the element of one mark (or of one piece of
 * a cut mark). Returns a DocumentFragment.
 */
export function renderMarkedText(text, marks, makeElement) {
  const bytes = utf8Bytes(text);
  const root = {begin: 0, end: bytes.length, children: [], mark: null};
  for (const mark of marks) {
    const [begin, end] = snapSpan(bytes, mark.begin, mark.end);
    if (end > begin) insert(root, {begin, end, children: [], mark});
  }
  const fragment = document.createDocumentFragment();
  emitChildren(fragment, root, bytes, makeElement);
  return fragment;
}

// Adds `node` under `parent`, whose children are sorted and disjoint.
function insert(parent, node) {
  const overlapping = parent.children.filter(
      (child) => child.begin < node.end && child.end > node.begin);
  const container = overlapping.find(
      (child) => child.begin <= node.begin && node.end <= child.end);
  if (container) {
    insert(container, node);
    return;
  }
  // Children crossing the node's edges cut it into pieces; each piece lies
  // wholly inside one such child or outside all of them.
  const crossing = overlapping.filter(
      (child) => child.begin < node.begin || child.end > node.end);
  const cuts = new Set([node.begin, node.end]);
  for (const child of crossing) {
    if (child.begin > node.begin && child.begin < node.end) cuts.add(child.begin);
    if (child.end > node.begin && child.end < node.end) cuts.add(child.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = {begin: points[i], end: points[i + 1], children: [], mark: node.mark};
    const inside = crossing.find(
        (child) => child.begin <= piece.begin && piece.end <= child.end);
    if (inside) {
      insert(inside, piece);
    } else {
      adopt(parent, piece);
    }
  }
}

// Puts `node` among parent's children, taking the ones it encloses.
function adopt(parent, node) {
  const kept = [];
  for (const child of parent.children) {
    if (node.begin <= child.begin && child.end <= node.end) {
      node.children.push(child);
    } else {
      kept.push(child);
    }
  }
  kept.push(node);
  kept.sort((x, y) => x.begin - y.begin);
  parent.children = kept;
}

function emitChildren(target, node, bytes, makeElement) {
  let at = node.begin;
  for (const child of node.children) {
    if (child.begin > at) target.append(decoder.decode(bytes.subarray(at, child.begin)));
    const element = makeElement(child.mark);
    emitChildren(element, child, bytes, makeElement);
    target.append(element);
    at = child.end;
  }
  if (node.end > at) target.append(decoder.decode(bytes.subarray(at, node.end)));
}
