// Interface text: the dictionaries of static/i18n/, formats keys with {name} parameters.
// Keys with a count pick a plural form: "key_one" / "key_other".
// The dictionaries are part of the bundle (build/bundle.mjs): a fetch after the script would
// cost one more round trip before the form is usable on a slow network.

import fr from '../i18n/fr.json';
import en from '../i18n/en.json';

export const LANGS = ['fr', 'en'];
const dicts = { fr, en };
let lang = 'fr';
let dict = {};
let plural = new Intl.PluralRules('fr');

/** The language chosen on this browser, or null. */
export function storedLang() {
  try {
    const l = localStorage.getItem('causette.lang');
    return LANGS.includes(l) ? l : null;
  } catch {
    return null;
  }
}

export const currentLang = () => lang;

/** Load `l` and make it current; remembers it when `remember` is set. */
export async function setLang(l, remember = false) {
  if (!LANGS.includes(l)) return;
  lang = l;
  dict = dicts[l];
  plural = new Intl.PluralRules(l);
  document.documentElement.lang = l;
  if (remember) {
    try {
      localStorage.setItem('causette.lang', l);
    } catch {
      /* private browsing: the choice lasts for this page */
    }
  }
}

/** The text of `key` with `{param}` replaced; the key itself when missing. */
export function t(key, params = {}) {
  let s = dict[key];
  if (typeof params.count === 'number') s = dict[`${key}_${plural.select(params.count)}`] ?? dict[`${key}_other`] ?? s;
  if (s == null) return key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (params[k] != null ? String(params[k]) : m));
}

/** Fill the static markup: data-i18n (text) and data-i18n-attr ("attr:key;attr:key"). */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}

/** "Zoé, Paul et Marc" */
export const joinList = (items) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

// One way to write a time and one to write a date and time, in local time, everywhere.
/** Local time HH:MM of an ISO timestamp. */
export const clock = (iso) =>
  new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Local date and time ("2 décembre 2026 à 10:05"). */
export const dateTime = (iso) =>
  new Date(iso).toLocaleString(lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23' });

// How the server writes a time in its messages (UTC); shown here in local time instead.
const SERVER_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} UTC/g;

/**
 * The sentence for a refused request: the client's own (`err_<code>`) when it has one, with
 * `params.until` in local time, else the server's message with its UTC time made local.
 */
export function errorText(e) {
  if (e.code === 'connection_lost') return t('err_connection');
  const params = { ...(e.params || {}) };
  const until = typeof params.until === 'string' ? params.until : null;
  if (until) params.until = dateTime(until);
  const key = `err_${e.code}${params.declared != null ? '_declared' : ''}`;
  if (e.code !== 'local' && dict[key] != null) return t(key, params);
  const text = e.message || e.code || '';
  return until ? text.replace(SERVER_TIME, params.until) : text;
}
