// Client state: the session, one conversation per joined room and per private peer, their
// messages deduplicated by id, unread counts and ignores. Plain data: no DOM, no socket.

import { mentions } from './text.js';

const MAX_ITEMS = 1000; // per conversation; older items are dropped
const STORE = 'causette.session';

export const state = {
  me: null,
  token: null,
  privacy: 'shared_room',
  ignores: [], // [{id, nick, user}] as the server sends them
  limits: { message_max: 500, nick_min: 3, nick_max: 20, min_age: 18 },
  prefill: null,
  ageBlockedUntil: null,
  ageBlockedScope: null, // 'device' or 'network': what the age block binds
  online: null, // how many people are in, from hello (a count only)
  rooms: [], // RoomInfo list from the last room_list
  convs: new Map(), // key -> conversation, in tab order
  active: null, // key of the conversation shown
  lastRoom: null, // key of the last room shown: its people stay listed on a private tab
  lastEventId: 0,
  seen: new Set(),
  tipped: new Set(), // "conversation key:advice" of the safety tips already shown
};

export const roomKey = (id) => `room:${id}`;
export const activeConv = () => state.convs.get(state.active) || null;
export const isMe = (user) => !!user && user.id === state.me?.id;
export const isOwner = (c) => c?.kind === 'room' && c.roomKind === 'user' && isMe({ id: c.owner });

function conversation(key, kind, id) {
  if (!state.convs.has(key)) {
    state.convs.set(key, { key, kind, id, name: '', topic: '', owner: null, roomKind: null,
      peer: null, members: new Map(), items: [], unread: 0, alerts: 0, closed: false,
      lock: null, moderated: null, maySpeak: null,
      // The first message that came while the visitor was not looking (the divider goes
      // above it), whether older history is being loaded or all of it is shown.
      firstUnseen: null, loadingOlder: false, oldestReached: false });
  }
  return state.convs.get(key);
}

/** Create or refresh a room conversation from a RoomState; merges its history. */
export function upsertRoom(rs) {
  const c = conversation(roomKey(rs.id), 'room', rs.id);
  // Back in a room I had left: what I knew of its moderation may be stale.
  if (c.closed) Object.assign(c, { lock: null, moderated: null, maySpeak: null });
  Object.assign(c, { name: rs.name, topic: rs.topic || '', owner: rs.owner, roomKind: rs.kind, closed: false });
  c.members = new Map((rs.members || []).map((u) => [u.id, u]));
  for (const m of rs.history || []) addMessage(m, true);
  return c;
}

/** The private conversation with `user`, created when needed. */
export function openPrivate(user) {
  const c = conversation(`private:${user.id}`, 'private', user.id);
  // One the platform closed stays closed: the server refuses it for good.
  return Object.assign(c, { peer: user, name: user.nick, closed: c.lock === 'platform' });
}

/** Composer locks: 'platform' (private closed by the platform), 'moderated' (room). */
export function lockConversation(c, lock) {
  c.lock = lock;
  if (c.kind === 'private') c.closed = lock === 'platform';
}

function push(c, item) {
  c.items.push(item);
  if (c.items.length > MAX_ITEMS) {
    c.items.splice(0, c.items.length - MAX_ITEMS);
    c.oldestReached = false; // what was dropped can be loaded again
  }
}

/**
 * Record a message. Returns {conv, alert} (alert: a private message or a mention of me), or
 * null for a duplicate or a room I am not in. (The server never sends what ignored people say.)
 * A `held` message (mine, awaiting moderation) is not in the resume stream: it does not move
 * `lastEventId`.
 */
export function addMessage(m, history = false, held = false) {
  if (typeof m.id !== 'number' || state.seen.has(m.id)) return null;
  if (!held) state.lastEventId = Math.max(state.lastEventId, m.id);
  const mine = isMe(m.from);
  const peer = mine ? m.to : m.from;
  const c = m.room != null ? state.convs.get(roomKey(m.room)) : peer && openPrivate(peer);
  if (!c) return null;
  state.seen.add(m.id);
  // Keep id order when a replay or a history overlaps what is already shown.
  let i = c.items.length;
  while (i > 0 && c.items[i - 1].kind === 'message' && c.items[i - 1].msg.id > m.id) i--;
  const item = { kind: 'message', msg: m, mine, ...(held ? { held } : {}) };
  if (i === c.items.length) push(c, item);
  else c.items.splice(i, 0, item);
  return { conv: c, alert: !history && !held && !mine && (c.kind === 'private' || mentions(m.text, state.me?.nick)) };
}

/** Older messages of a room (from `history`), put before what is shown; returns how many
 * were new. */
export function prependHistory(c, messages) {
  const older = [];
  for (const m of messages) {
    if (typeof m.id !== 'number' || state.seen.has(m.id)) continue;
    state.seen.add(m.id);
    older.push({ kind: 'message', msg: m, mine: isMe(m.from) });
  }
  c.items.unshift(...older);
  return older.length;
}

/** The id of the oldest message shown in `c`, or null. */
export const oldestId = (c) => c.items.find((it) => it.kind === 'message' && !it.held)?.msg.id ?? null;

/** Forget conversation `c` (its tab closes); shows a neighbour when it was the active one. */
export function dropConversation(c) {
  const keys = [...state.convs.keys()];
  const i = keys.indexOf(c.key);
  if (i < 0) return null;
  state.convs.delete(c.key);
  if (state.lastRoom === c.key) state.lastRoom = null;
  if (state.active !== c.key) return null;
  state.active = null;
  const next = keys[i + 1] || keys[i - 1];
  return next && next !== c.key ? next : null;
}

/** A joined/left line; consecutive ones share one item so they can be summarised. */
export function addPresence(c, entry) {
  const last = c.items.at(-1);
  if (last?.kind !== 'presence') return push(c, { kind: 'presence', entries: [entry], v: 0 });
  last.entries.push(entry);
  last.v++;
}

/** A system line: {key, params} to translate, or {text} already in the visitor's language. */
export const addNotice = (c, notice) => push(c, { kind: 'notice', ...notice });

/**
 * A safety tip in conversation `c`, once per conversation and advice. `advice`: 'ambush',
 * 'safety' or 'minor_help'; `msg`: the message it is about (what a report points to) and
 * `user`: the other person, when known. True when added.
 */
export function addTip(c, { advice = 'ambush', msg = null, user = msg?.from ?? null }) {
  const key = `${c.key}:${advice}`;
  if (state.tipped.has(key)) return false;
  state.tipped.add(key);
  push(c, { kind: 'tip', advice, msg, user });
  return true;
}

/** The latest message someone else wrote in `c` (a server tip follows the message it is about). */
export const lastFromOthers = (c) => c.items.findLast((it) => it.kind === 'message' && !it.mine)?.msg ?? null;

/** Remove held message `id` (released: it comes back as a normal message). */
export function dropHeld(id) {
  let found = false;
  for (const c of state.convs.values()) {
    const n = c.items.length;
    c.items = c.items.filter((it) => !(it.held && it.msg.id === id));
    found ||= c.items.length !== n;
  }
  return found;
}

/** A moderator removed message `id` (a posted one, or one held): shown as removed wherever it is. */
export function markDeleted(id) {
  let found = false;
  for (const c of state.convs.values()) {
    for (const it of c.items) {
      if (it.kind !== 'message' || it.msg.id !== id || it.deleted) continue;
      Object.assign(it, { deleted: true, v: (it.v || 0) + 1 });
      found = true;
    }
  }
  return found;
}

/** Replace a user everywhere; returns the conversations they are part of. */
export function updateUser(user) {
  if (isMe(user)) state.me = user;
  const touched = [];
  for (const c of state.convs.values()) {
    if (c.members.has(user.id)) c.members.set(user.id, user);
    if (c.peer?.id === user.id) Object.assign(c, { peer: user, name: user.nick });
    if (c.members.has(user.id) || c.peer?.id === user.id) touched.push(c);
  }
  return touched;
}

const everyone = () => [...state.convs.values()].flatMap((c) => [...c.members.values(), ...(c.peer ? [c.peer] : [])]);

/** Someone I know of: a member of one of my rooms or a private peer. */
export const knownUser = (id) => everyone().find((u) => u.id === id) || null;
export const findByNick = (nick) => everyone().find((u) => u.nick.toLowerCase() === nick.toLowerCase()) || null;

/** My ignore entry for the person whose User id is `userId`, or null. */
export const ignoreEntry = (userId) => state.ignores.find((e) => e.user === userId) || null;

/** Hide what is already shown from someone I just ignored. */
export function dropMessagesFrom(userId) {
  for (const c of state.convs.values()) c.items = c.items.filter((it) => it.msg?.from?.id !== userId);
}

/** The number in the document title: private messages and mentions not yet seen. */
export const alertCount = () => [...state.convs.values()].reduce((n, c) => n + c.alerts, 0);

// The token is the browser's, not the tab's: every tab of this browser, and a tab reopened
// within the grace period, is the same person (the server keeps one connection per tab).
export const SESSION_KEY = STORE;

export function save() {
  try {
    if (state.token) localStorage.setItem(STORE, JSON.stringify({ token: state.token }));
    else localStorage.removeItem(STORE);
  } catch {
    /* storage unavailable: a reload starts over */
  }
}

/** The token another tab of this browser saved, or null. */
export function savedToken() {
  try {
    return JSON.parse(localStorage.getItem(STORE))?.token || null;
  } catch {
    return null;
  }
}

export function restore() {
  const token = savedToken();
  if (token) state.token = token;
}

/** Forget the session (quit, expiry): back to a visitor who has not entered. */
export function resetSession() {
  const old = state.token;
  Object.assign(state, { me: null, token: null, ignores: [], active: null,
    lastRoom: null, lastEventId: 0, seen: new Set(), tipped: new Set(), privacy: 'shared_room' });
  state.convs.clear();
  // Another tab may have entered since, with a new token: that one stays.
  try {
    if (!old || savedToken() === old) localStorage.removeItem(STORE);
  } catch {
    /* storage unavailable */
  }
}
