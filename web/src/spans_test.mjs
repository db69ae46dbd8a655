// Tests of spans.js (run by node, no browser: a minimal DOM stand-in).
// usage: node --test web/src/spans_test.mjs
import assert from 'node:assert/strict';
import {test} from 'node:test';

// Just what renderMarkedText uses: fragments and elements that take
// children, and strings as text.
class FakeNode {
  constructor(kind) {
    this.kind = kind;
    this.children = [];
  }

  append(...children) {
    this.children.push(...children);
  }
}
globalThis.document = {createDocumentFragment: () => new FakeNode('#fragment')};
const {renderMarkedText, sliceBytes, snapSpan, utf8Bytes} = await import('./spans.js');

function render(text, marks) {
  return renderMarkedText(text, marks, (mark) => new FakeNode(mark.kind));
}

function flatText(node) {
  return node.children.map((c) => (typeof c === 'string' ? c : flatText(c))).join('');
}

// Every element with its kind and the byte range it covers.
function elements(node, bytesBefore = 0, out = []) {
  let at = bytesBefore;
  for (const child of node.children) {
    if (typeof child === 'string') {
      at += utf8Bytes(child).length;
    } else {
      const begin = at;
      at = elements(child, at, out).end;
      out.push({kind: child.kind, begin, end: at, text: flatText(child)});
    }
  }
  out.end = at;
  return out;
}

const TEXT = 'Russia’s war: “café” in Kyiv — naïve 日本 visit';
const byteSpan = (part) => {
  const begin = utf8Bytes(TEXT.slice(0, TEXT.indexOf(part))).length;
  return [begin, begin + utf8Bytes(part).length];
};

test('byte offsets, not string indexes, pick the text', () => {
  const [begin, end] = byteSpan('“café”');
  assert.equal(sliceBytes(utf8Bytes(TEXT), begin, end), '“café”');
  assert.notEqual(TEXT.slice(begin, end), '“café”');
});

test('offsets inside a character widen to the whole character', () => {
  const bytes = utf8Bytes(TEXT);
  const [begin] = byteSpan('’');
  assert.deepEqual(snapSpan(bytes, begin + 1, begin + 2), [begin, begin + 3]);
  assert.deepEqual(snapSpan(bytes, -5, 1e9), [0, bytes.length]);
});

test('an enclosing mark contains the inner ones, whatever the order', () => {
  const [eb, ee] = byteSpan('war: “café”');
  const [ab, ae] = byteSpan('café');
  const root = render(TEXT, [
    {kind: 'evidence', begin: eb, end: ee},
    {kind: 'actor', begin: ab, end: ae},
    {kind: 'sentence', begin: 0, end: utf8Bytes(TEXT).length},
  ]);
  assert.equal(flatText(root), TEXT);
  assert.equal(root.children.length, 1);
  const sentence = root.children[0];
  assert.equal(sentence.kind, 'sentence');
  const evidence = sentence.children.find((c) => typeof c !== 'string');
  assert.equal(evidence.kind, 'evidence');
  assert.equal(flatText(evidence), 'war: “café”');
  assert.equal(flatText(evidence.children.find((c) => typeof c !== 'string')), 'café');
});

test('a crossing mark is cut at the edges of an earlier one', () => {
  const [eb, ee] = byteSpan('war: “café”');
  const [ab, ae] = byteSpan('café” in Kyiv');
  const found = elements(render(TEXT, [
    {kind: 'evidence', begin: eb, end: ee},
    {kind: 'actor', begin: ab, end: ae},
  ]));
  assert.deepEqual(found.filter((e) => e.kind === 'evidence').map((e) => e.text), ['war: “café”']);
  assert.deepEqual(found.filter((e) => e.kind === 'actor').map((e) => e.text), ['café”', ' in Kyiv']);
});

// Reference: which kinds cover each byte, straight from the marks.
test('random marks: every mark covers exactly its bytes, the first stays whole', () => {
  const bytes = utf8Bytes(TEXT);
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 500; round++) {
    const marks = [];
    const count = 1 + random(5);
    for (let i = 0; i < count; i++) {
      const begin = random(bytes.length + 1);
      marks.push({kind: `k${i}`, begin, end: begin + random(bytes.length - begin + 1)});
    }
    const root = render(TEXT, marks);
    assert.equal(flatText(root), TEXT);
    const found = elements(root);
    for (const mark of marks) {
      const [begin, end] = snapSpan(bytes, mark.begin, mark.end);
      const covered = new Set();
      for (const e of found.filter((x) => x.kind === mark.kind)) {
        for (let b = e.begin; b < e.end; b++) covered.add(b);
      }
      const expected = new Set();
      for (let b = begin; b < end; b++) expected.add(b);
      assert.deepEqual(covered, expected, `round ${round}, ${mark.kind} [${mark.begin}, ${mark.end})`);
    }
    const first = found.filter((x) => x.kind === 'k0');
    assert.ok(first.length <= 1, `round ${round}: the first mark was cut`);
  }
});
