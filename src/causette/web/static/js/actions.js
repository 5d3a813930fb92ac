// What the visitor does: each verb sends its request, applies the answer to the state and
// marks the views to redraw. Errors are thrown to the caller, which shows them in context.

import { RequestError } from './connection.js';
import { invalidate } from './render.js';
import { t } from './i18n.js';
import {
  state, activeConv, upsertRoom, openPrivate, dropMessagesFrom, updateUser, dropConversation,
  prependHistory, oldestId, roomKey,
} from './state.js';

let conn = null;

export function bindConnection(c) {
  conn = c;
}

export const request = (type, fields, onAck) => conn.request(type, fields, onAck);
export const connection = () => conn;

/** An error raised by the client itself, shown like a server one. */
export const localError = (key, params) => new RequestError({ code: 'local', message: t(key, params) });

/** Show conversation `key`; its unread counters are cleared. */
export function activate(key) {
  const c = state.convs.get(key);
  if (!c) return;
  state.active = key;
  if (c.kind === 'room') state.lastRoom = key;
  if (!document.hidden) c.unread = c.alerts = 0;
  invalidate();
}

/** Join a room by id or name (or show it when already joined). */
export async function joinRoom(room) {
  if (!room) throw localError('cmd_usage_join');
  const want = room.toLowerCase();
  const open = [...state.convs.values()].find(
    (c) => c.kind === 'room' && !c.closed && (c.id === room || c.name.toLowerCase() === want),
  );
  if (open) return activate(open.key);
  await request('join', { room }, (ack) => activate(upsertRoom(ack.room).key));
}

export async function createRoom(name, topic) {
  await request('create_room', { name, topic }, (ack) => activate(upsertRoom(ack.room).key));
}

/** Close a tab; for a room I am still in, leave it first. */
export async function closeConversation(c) {
  if (c.kind === 'room' && !c.closed) {
    try {
      await request('part', { room: c.id });
    } catch (e) {
      if (e.code !== 'not_in_room' && e.code !== 'room_not_found') throw e;
    }
  } else if (c.kind === 'private') {
    // The server forgets the conversation too, so it does not come back on resume.
    await request('close_private', { user: c.id });
  }
  forget(c);
}

/** Close the tab of `c` without asking the server (another tab of mine closed it). */
export function forget(c) {
  const next = dropConversation(c);
  if (next) activate(next);
  invalidate();
}

/** Another tab of mine joined room `id`: open it here too, without switching to it. */
export async function syncRoom(id) {
  const c = state.convs.get(roomKey(id));
  if (c && !c.closed) return;
  await request('join', { room: id }, (ack) => {
    upsertRoom(ack.room);
    if (!state.active) activate(roomKey(id));
  });
  invalidate();
}

/** Load the messages of room `c` before the oldest shown; resolves with how many came. */
export async function loadOlder(c) {
  const before = oldestId(c);
  if (c.kind !== 'room' || c.closed || c.loadingOlder || c.oldestReached || before == null) return 0;
  c.loadingOlder = true;
  try {
    const ack = await request('history', { room: c.id, before });
    const messages = ack.messages || [];
    // Fewer than a page: the start of what the server keeps for a room is reached.
    if (messages.length < (state.limits.history_count ?? 50)) c.oldestReached = true;
    const added = prependHistory(c, messages);
    c.prepended = added > 0;
    invalidate('conv');
    return added;
  } finally {
    c.loadingOlder = false;
  }
}

export async function say(c, text, action = false) {
  const target = c.kind === 'room' ? { room: c.id } : { to: c.id };
  await request('say', { ...target, text, ...(action ? { action: true } : {}) });
}

export function openPrivateWith(user) {
  const c = openPrivate(user);
  activate(c.key);
  return c;
}

export async function setTopic(c, topic) {
  await request('set_topic', { room: c.id, topic });
  c.topic = topic;
  invalidate('conv', 'rooms');
}

export async function kick(c, user) {
  await request('kick', { room: c.id, user: user.id });
}

const keepIgnores = (ack) => {
  state.ignores = ack.ignores || [];
};

export async function ignore(user) {
  await request('ignore', { user: user.id }, keepIgnores);
  dropMessagesFrom(user.id);
  invalidate();
}

export async function unignore(entryId) {
  await request('unignore', { user: entryId }, keepIgnores);
  invalidate();
}

export async function setPrivacy(privacy) {
  await request('set_privacy', { privacy }, (ack) => {
    state.privacy = ack.privacy || privacy;
  });
}

export async function setNick(nickname) {
  if (!nickname) throw localError('cmd_usage_nick');
  await request('set_nick', { nickname }, (ack) => {
    if (ack.me) updateUser(ack.me);
  });
  invalidate();
}

export const activeRoom = () => {
  const c = activeConv();
  return c?.kind === 'room' ? c : state.convs.get(state.lastRoom) || null;
};

