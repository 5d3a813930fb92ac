// The session's life: hello, enter, resume after a drop or a reload, disconnect, quit, and the
// interface language (which the server needs too, for its messages).

import { LANGS, currentLang, storedLang, setLang, applyStatic, t } from './i18n.js';
import { invalidate } from './render.js';
import { request, connection, activate } from './actions.js';
import {
  state, restore, save, resetSession, upsertRoom, openPrivate, addNotice, savedToken, SESSION_KEY,
} from './state.js';
import { showEntry, showBan, showEntryError, showNetworkRestricted } from './views/entry.js';
import { latestSanction } from './casework.js';
import { showDisconnect, clearDisconnect } from './views/status.js';
import { announce } from './live.js';

// After these, reconnecting on our own would be refused or would steal the session back.
const NO_RETRY = ['protocol_unsupported'];
// The session is over for this whole browser (quit from another tab): back to the entry form.
const ENDED = ['session_ended'];
const $ = (id) => document.getElementById(id);

/** Switch the interface language; tells the server unless `tell` is false. */
export async function changeLang(lang, tell = true, remember = true) {
  await setLang(lang, remember);
  applyStatic();
  const other = LANGS.find((l) => l !== lang);
  Object.assign($('lang-switch'), { textContent: other.toUpperCase(), lang: other });
  $('lang-switch').setAttribute('aria-label', t('lang_switch_label'));
  invalidate();
  if (tell && connection().isOpen) request('set_lang', { lang }).catch(() => {});
}

function showScreen(chat) {
  $('entry-screen').hidden = chat;
  $('chat-screen').hidden = !chat;
  for (const id of ['open-rooms', 'open-people', 'open-settings']) $(id).hidden = !chat;
  invalidate();
}

function applySession(ack) {
  Object.assign(state, { token: ack.token || state.token, me: ack.me, privacy: ack.privacy,
    ignores: ack.ignores || [], rooms: ack.rooms || [] });
  save();
  showScreen(true);
}

// Rebuild the tabs from the server's view, keeping what is shown and marking the rooms I am no
// longer in. The missed messages arrive right after this answer.
function applyResume(ack) {
  applySession(ack);
  const joined = new Set((ack.joined || []).map((rs) => upsertRoom(rs).key));
  // Too much was missed to replay: each room restarts from its recent history.
  if (ack.resync) {
    for (const key of joined) addNotice(state.convs.get(key), { key: 'notice_resync' });
  }
  for (const u of ack.privates || []) openPrivate(u);
  for (const c of state.convs.values()) {
    if (c.kind === 'room' && !c.closed && !joined.has(c.key)) {
      Object.assign(c, { closed: true, members: new Map() });
      addNotice(c, { key: 'notice_not_in_room' });
    }
  }
  activate(state.convs.has(state.active) ? state.active : state.convs.keys().next().value);
}

/** First frame of every connection: limits and pre-fill, then resume or the entry form. */
export async function hello(ev) {
  clearDisconnect();
  Object.assign(state, { limits: { ...state.limits, ...ev.limits }, prefill: ev.prefill,
    ageBlockedUntil: ev.age_blocked_until, ageBlockedScope: ev.age_blocked_scope,
    online: typeof ev.online === 'number' ? ev.online : null });
  if (!storedLang() && LANGS.includes(ev.lang) && ev.lang !== currentLang()) await changeLang(ev.lang, false, false);
  else if (ev.lang !== currentLang()) request('set_lang', { lang: currentLang() }).catch(() => {});
  if (!state.token) restore();
  if (!state.token) {
    showScreen(false);
    return showEntry();
  }
  await resume();
}

// Join the session this browser holds: this tab is one more connection of the same person.
// A tab that shows nothing yet asks for each room's recent history instead of a replay.
async function resume() {
  const fresh = state.lastEventId === 0;
  try {
    await request('resume', { token: state.token, last_event_id: state.lastEventId, fresh }, applyResume);
    if (!fresh) announce(t('conn_back'));
  } catch (e) {
    if (e.code === 'connection_lost') return; // the next connection tries again
    resetSession(); // session_expired, most likely: enter again, pre-filled
    showScreen(false);
    showEntry();
    showEntryError(e);
  }
}

/** Submit the entry form; rejects with the server's error for the form to show. */
export async function enter(fields) {
  await request('enter', { ...fields, lang: currentLang() }, (ack) => {
    resetSession();
    applySession(ack);
  });
  // Narrow screens: the button that opens the rooms; wide ones: the first room.
  const toggle = $('open-rooms');
  (toggle.offsetParent ? toggle : document.querySelector('#room-list button'))?.focus();
}

// Another tab of this browser entered, quit or switched language: this one follows.
addEventListener('storage', (e) => {
  if (e.key === 'causette.lang' && LANGS.includes(e.newValue) && e.newValue !== currentLang()) {
    changeLang(e.newValue, true, false);
  } else if (e.key === SESSION_KEY && !state.me && connection().isOpen) {
    const token = savedToken();
    if (token) {
      state.token = token;
      resume();
    }
  }
});

/** The server is closing this connection and says why. */
export function disconnected(ev) {
  if (ENDED.includes(ev.code)) {
    resetSession();
    connection().restart();
    showScreen(false);
    return showEntry(ev.message || '');
  }
  if (ev.code === 'banned') {
    // The session is over; the statement came just before. The entry screen says how to
    // read it again and contest it, over a fresh connection (reading is allowed before entry).
    resetSession();
    connection().restart();
    showScreen(false);
    showEntry();
    return showBan(t('banned_now'), latestSanction()?.code);
  }
  if (ev.code === 'network_restricted') {
    // Someone else's decision binds this network: no statement came, and none is shown.
    resetSession();
    connection().restart();
    showScreen(false);
    showEntry();
    return showNetworkRestricted(ev.message || t('network_restricted_now'));
  }
  const stop = NO_RETRY.includes(ev.code);
  showDisconnect(ev.message || ev.code, stop);
  if (stop) connection().stop();
}

/** Leave for good: the session ends and the entry form comes back. */
export async function quit() {
  await request('quit').catch(() => {});
  resetSession();
  connection().restart();
  showScreen(false);
  showEntry('');
}
