// Message text to DOM, never through HTML: plain text nodes, http(s) links, and mentions of
// my nickname (matched ignoring case and accents) in a <mark>.

import { h } from './dom.js';

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const WORD = /[\p{L}\p{N}_]/u;

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `s` folded, with the index in `s` where each folded character comes from. */
function foldWithMap(s) {
  let out = '';
  const map = [];
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i));
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    out += f;
    i += ch.length;
  }
  map.push(s.length);
  return [out, map];
}

/** [start, end) ranges of `nick` as a whole word in `text`. */
export function findMentions(text, nick) {
  const needle = nick ? fold(nick) : '';
  if (!needle || !text) return [];
  const [hay, map] = foldWithMap(text);
  const found = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if ((i > 0 && WORD.test(hay[i - 1])) || (end < hay.length && WORD.test(hay[end]))) continue;
    found.push([map[i], map[end]]);
    i = end - 1;
  }
  return found;
}

export const mentions = (text, nick) => findMentions(text, nick).length > 0;

// Punctuation that ends a sentence rather than a URL; ")" only when unbalanced.
function trimUrl(u) {
  for (;;) {
    const last = u.at(-1);
    if ('.,;:!?\'"»]'.includes(last)) u = u.slice(0, -1);
    else if (last === ')' && u.split('(').length < u.split(')').length) u = u.slice(0, -1);
    else return u;
  }
}

function safeHref(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function appendPlain(frag, s, nick) {
  let last = 0;
  for (const [a, b] of findMentions(s, nick)) {
    frag.append(s.slice(last, a), h('mark', null, s.slice(a, b)));
    last = b;
  }
  frag.append(s.slice(last));
}

/** A fragment showing `text` literally, with links and highlighted mentions of `nick`. */
export function renderText(text, nick) {
  text = String(text ?? '');
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    if (m.index < last) continue;
    const url = trimUrl(m[0]);
    const href = safeHref(url);
    if (!href) continue;
    appendPlain(frag, text.slice(last, m.index), nick);
    frag.append(h('a', { href, rel: 'noopener noreferrer nofollow ugc', target: '_blank' }, url));
    last = m.index + url.length;
  }
  appendPlain(frag, text.slice(last), nick);
  return frag;
}
