// A small element builder: text always goes in as text nodes, never as
// HTML, so article text and actor names cannot inject markup.

/**
 * Creates an element. `attributes` keys: `class`, `dataset` (an object),
 * `on` (event name -> handler), `text`, anything else as an attribute
 * (skipped when null, undefined or false). Children are nodes or strings.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (key === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces every child of `element` with `children`. */
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** Shows `text` in a message element, or hides it when text is empty. */
export function setMessage(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

const numberFormat = new Intl.NumberFormat('en');
export function formatCount(n) {
  return numberFormat.format(n ?? 0);
}

export function formatGoldstein(value) {
  if (value === null || value === undefined) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return sign + Math.abs(value).toFixed(1);
}
