// Building DOM from data without ever parsing HTML: every string becomes a text node or an
// attribute value, so nothing a visitor types can turn into markup.

/** Create an element: h('li', {class: 'x', onclick: fn}, 'text', child). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

export const $ = (id) => document.getElementById(id);

/** Show `text` in `el`, or hide `el` when text is empty. */
export function setText(el, text) {
  el.textContent = text || '';
  el.hidden = !text;
}

/**
 * Keyed update of `parent`'s children from `items`: existing elements are reused (so focus and
 * scroll survive frequent updates), new ones created, missing ones removed, order fixed.
 */
export function syncList(parent, items, key, create, update) {
  const old = parent._keyed || new Map();
  const next = new Map();
  let cur = parent.firstElementChild;
  for (const item of items) {
    const k = key(item);
    const el = old.get(k) || create(item);
    update(el, item);
    next.set(k, el);
    if (el === cur) cur = cur.nextElementSibling;
    else parent.insertBefore(el, cur);
  }
  for (const [k, el] of old) if (!next.has(k)) el.remove();
  parent._keyed = next;
}
