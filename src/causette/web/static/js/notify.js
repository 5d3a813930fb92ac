// Opt-in alerts for private messages and mentions while the page is hidden: a desktop
// notification (Notification API) and a short sound made with WebAudio (no file to fetch).
// Both are off until the visitor turns them on in the settings; the choice stays in this browser.

import { t } from './i18n.js';

const STORE = 'causette.alerts';
let prefs = load();
let audio = null;

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE)) || {};
    return { desktop: saved.desktop === true, sound: saved.sound === true };
  } catch {
    return { desktop: false, sound: false };
  }
}

export const alertPrefs = () => ({ ...prefs });
export const desktopSupported = () => typeof Notification === 'function';
export const desktopDenied = () => desktopSupported() && Notification.permission === 'denied';

function keep() {
  try {
    localStorage.setItem(STORE, JSON.stringify(prefs));
  } catch {
    /* private browsing: the choice lasts for this page */
  }
}

/** Turn desktop notifications on (asking the browser's permission) or off; resolves with
 * whether they are on. */
export async function setDesktop(on) {
  if (on && desktopSupported() && Notification.permission !== 'granted') {
    on = (await Notification.requestPermission()) === 'granted';
  }
  prefs.desktop = on && desktopSupported();
  keep();
  return prefs.desktop;
}

export function setSound(on) {
  prefs.sound = on;
  keep();
  // A click is what lets a page start audio later: prepare it now.
  if (on) context()?.resume?.();
}

function context() {
  const Ctx = globalThis.AudioContext || globalThis.webkitAudioContext;
  if (!Ctx) return null;
  audio ||= new Ctx();
  return audio;
}

/** Two soft notes, about a quarter of a second. */
export function chime() {
  const ctx = context();
  if (!ctx) return;
  const start = ctx.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const at = start + i * 0.12;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.2);
  }
}

/** A private message or a mention arrived in conversation `c`: alert if the page is hidden. */
export function notifyAlert(c, m) {
  if (!document.hidden) return;
  if (prefs.sound) chime();
  if (!prefs.desktop || !desktopSupported() || Notification.permission !== 'granted') return;
  const title = c.kind === 'private' ? t('notify_private', { nick: m.from?.nick }) : t('notify_mention', { nick: m.from?.nick, room: c.name });
  const text = m.text.length > 140 ? `${m.text.slice(0, 140)}…` : m.text;
  try {
    // One notification per conversation: a new one replaces the last.
    const n = new Notification(title, { body: m.action ? `* ${m.from?.nick} ${text}` : text, tag: c.key, silent: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    /* some mobile browsers only notify from a service worker */
  }
}
