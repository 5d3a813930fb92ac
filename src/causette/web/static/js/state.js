// Client state: the session, the conversations (one per joined room and per private peer),
// their messages deduplicated by id, unread counts and ignores. Plain data: no DOM, no socket.

import { mentions } from './text.js';

const MAX_ITEMS = 500; // per conversation; older items are dropped
const STORE = 'causette.session';

export const state = {
  me: null,
  token: null,
  privacy: 'shared_room',
  ignores: [], // [{id, nick}] as the server sends them
  ignored: new Map(), // User id -> ignore entry id, learnt when I ignore someone
  limits: { message_max: 500, nick_min: 3, nick_max: 20, min_age: 18, rooms_max: 10 },
  prefill: null,
  ageBlockedUntil: null,
  rooms: [], // RoomInfo list from the last room_list
  convs: new Map(), // key -> Conversation, in tab order
  active: null, // key of the conversation shown
  lastRoom: null, // key of the last room shown (its members stay listed on a private tab)
  lastEventId: 0,
  seen: new Set(),
};

export const roomKey = (id) => `room:${id}`;
export const privateKey = (id) => `private:${id}`;
export const activeConv = () => state.convs.get(state.active) || null;
export const isMe = (user) => !!user && !!state.me && user.id === state.me.id;

function conversation(key, kind, id) {
  let c = state.convs.get(key);
  if (!c) {
    c = { key, kind, id, name: '', topic: '', owner: null, roomKind: null, peer: null,
      members: new Map(), items: [], unread: 0, alerts: 0, closed: false };
    state.convs.set(key, c);
  }
  return c;
}

/** Create or refresh a room conversation from a RoomState; merges its history. */
export function upsertRoom(rs) {
  const c = conversation(roomKey(rs.id), 'room', rs.id);
  Object.assign(c, { name: rs.name, topic: rs.topic || '', owner: rs.owner || null,
    roomKind: rs.kind, closed: false });
  c.members = new Map((rs.members || []).map((u) => [u.id, u]));
  for (const m of rs.history || []) addMessage(m, true);
  return c;
}

/** The private conversation with `user`, created when needed. */
export function openPrivate(user) {
  const c = conversation(privateKey(user.id), 'private', user.id);
  Object.assign(c, { peer: user, name: user.nick, closed: false });
  return c;
}

export const isOwner = (c) => !!c && c.kind === 'room' && c.roomKind === 'user' && isMe({ id: c.owner });

function push(c, item) {
  c.items.push(item);
  if (c.items.length > MAX_ITEMS) c.items.splice(0, c.items.length - MAX_ITEMS);
}

/**
 * Record a message. Returns {conv, alert} or null when it is a duplicate, from someone I
 * ignore, or for a room I am not in. `alert`: a private message or a mention of me.
 */
export function addMessage(m, history = false) {
  if (typeof m.id !== 'number' || state.seen.has(m.id)) return null;
  if (m.id > state.lastEventId) state.lastEventId = m.id;
  const mine = isMe(m.from);
  if (!mine && state.ignored.has(m.from?.id)) return null;
  let c;
  if (m.room != null) c = state.convs.get(roomKey(m.room));
  else if (mine ? m.to : m.from) c = openPrivate(mine ? m.to : m.from);
  if (!c) return null;
  state.seen.add(m.id);
  const item = { kind: 'message', msg: m, mine };
  // Keep id order when a replay or a history overlaps what is already shown.
  let i = c.items.length;
  while (i > 0 && c.items[i - 1].kind === 'message' && c.items[i - 1].msg.id > m.id) i--;
  if (i === c.items.length) push(c, item);
  else c.items.splice(i, 0, item);
  const alert = !history && !mine && (c.kind === 'private' || mentions(m.text, state.me?.nick));
  return { conv: c, alert };
}

/** A joined/left line; consecutive ones share one item so they can be summarised. */
export function addPresence(c, entry) {
  const last = c.items.at(-1);
  if (last?.kind === 'presence') {
    last.entries.push(entry);
    last.v++;
  } else push(c, { kind: 'presence', entries: [entry], v: 0 });
}

/** A system line: {key, params} to translate, or {text} already in the visitor's language. */
export function addNotice(c, notice) {
  push(c, { kind: 'notice', ...notice });
}

/** Replace a user everywhere they appear; returns the conversations they are part of. */
export function updateUser(user) {
  if (isMe(user)) state.me = user;
  const touched = [];
  for (const c of state.convs.values()) {
    if (c.members.has(user.id)) {
      c.members.set(user.id, user);
      touched.push(c);
    }
    if (c.peer?.id === user.id) {
      c.peer = user;
      c.name = user.nick;
      touched.push(c);
    }
  }
  return touched;
}

/** Someone I know of by id: a member of one of my rooms or a private peer. */
export function knownUser(id) {
  for (const c of state.convs.values()) {
    const u = c.members.get(id) || (c.peer?.id === id ? c.peer : null);
    if (u) return u;
  }
  return null;
}

export function findByNick(nick) {
  const want = nick.toLowerCase();
  for (const c of state.convs.values()) {
    for (const u of c.peer ? [c.peer, ...c.members.values()] : c.members.values()) {
      if (u.nick.toLowerCase() === want) return u;
    }
  }
  return null;
}

/** Store the server's ignore list; `userId` names the person just ignored, if any. */
export function setIgnores(list, userId = null) {
  const before = new Set(state.ignores.map((e) => e.id));
  state.ignores = list || [];
  if (userId) {
    const added = state.ignores.filter((e) => !before.has(e.id));
    const entry = added[0] || state.ignores.find((e) => e.nick === knownUser(userId)?.nick);
    if (entry) state.ignored.set(userId, entry.id);
  }
  const ids = new Set(state.ignores.map((e) => e.id));
  for (const [u, e] of state.ignored) if (!ids.has(e)) state.ignored.delete(u);
  save();
}

/** Hide what is already shown from someone I just ignored. */
export function dropMessagesFrom(userId) {
  for (const c of state.convs.values()) {
    c.items = c.items.filter((it) => it.kind !== 'message' || it.msg.from?.id !== userId);
  }
}

/** Number shown in the document title: private messages and mentions not yet seen. */
export const alertCount = () => [...state.convs.values()].reduce((n, c) => n + c.alerts, 0);

export function save() {
  try {
    if (!state.token) sessionStorage.removeItem(STORE);
    else sessionStorage.setItem(STORE, JSON.stringify({ token: state.token, ignored: [...state.ignored] }));
  } catch {
    /* storage unavailable: a reload will start over */
  }
}

/** Token and ignore mapping kept across a reload of this tab. */
export function restore() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE) || 'null');
    if (saved?.token) {
      state.token = saved.token;
      state.ignored = new Map(saved.ignored || []);
    }
  } catch {
    /* nothing saved */
  }
}

/** Forget the session (quit, expiry): back to a visitor who has not entered. */
export function resetSession() {
  Object.assign(state, { me: null, token: null, ignores: [], ignored: new Map(), active: null,
    lastRoom: null, lastEventId: 0, seen: new Set(), privacy: 'shared_room' });
  state.convs.clear();
  save();
}
