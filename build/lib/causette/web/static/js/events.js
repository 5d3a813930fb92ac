// Server events that change the chat: messages (and their removal), presence, nicknames,
// topics, the room list.
// (hello and disconnect belong to the session, see session.js.)

import { invalidate } from './render.js';
import { announce, announceError } from './live.js';
import { t } from './i18n.js';
import { looksLikeMeeting } from './ambush.js';
import {
  state, roomKey, isMe, addMessage, addPresence, addNotice, updateUser, activeConv, addTip, markDeleted,
} from './state.js';

/** Count a new message as unread unless the visitor is looking at its conversation. */
function countUnread(c, alert) {
  if (c.key === state.active && !document.hidden) return;
  c.unread++;
  if (alert) c.alerts++;
}

const room = (id) => state.convs.get(roomKey(id));

const handlers = {
  message(ev) {
    const r = addMessage(ev);
    if (!r) return;
    if (!isMe(ev.from)) countUnread(r.conv, r.alert);
    // Someone gives an address or sets up a meeting in private: safety advice, once.
    if (r.conv.kind === 'private' && !isMe(ev.from) && looksLikeMeeting(ev.text) && addTip(r.conv, ev)) {
      announce(t('tip_title'));
    }
    invalidate('conv', 'tabs', 'title');
  },

  message_deleted({ id }) {
    if (markDeleted(id)) invalidate('conv');
  },

  joined({ room: id, user }) {
    const c = room(id);
    if (!c || !user) return;
    c.members.set(user.id, user);
    addPresence(c, { type: 'joined', user });
    invalidate('conv', 'people', 'rooms');
  },

  left({ room: id, user, reason, by }) {
    const c = room(id);
    if (!c || !user) return;
    if (isMe(user)) {
      c.closed = true;
      c.members.clear();
      addNotice(c, { key: by ? 'notice_kicked_by' : 'notice_kicked', params: { nick: by?.nick } });
    } else {
      c.members.delete(user.id);
      addPresence(c, { type: 'left', user, reason, by });
    }
    invalidate();
  },

  user_updated({ user, old_nick: oldNick }) {
    if (!user) return;
    for (const c of updateUser(user)) {
      if (oldNick && oldNick !== user.nick) {
        addNotice(c, { key: 'notice_renamed', params: { old: oldNick, nick: user.nick } });
      }
    }
    invalidate();
  },

  topic({ room: id, topic, by }) {
    const c = room(id);
    if (!c) return;
    c.topic = topic || '';
    addNotice(c, by ? { key: 'notice_topic_by', params: { nick: by.nick, topic } } : { key: 'notice_topic', params: { topic } });
    invalidate('conv');
  },

  room_list({ rooms }) {
    state.rooms = rooms || [];
    invalidate('rooms');
  },

  room_closed({ room: id }) {
    const c = room(id);
    if (!c) return;
    c.closed = true;
    addNotice(c, { key: 'notice_room_closed' });
    invalidate();
  },

  notice({ message }) {
    const c = activeConv();
    if (c && message) addNotice(c, { text: message });
    invalidate('conv');
  },

  // An error with `re: null`: the server could not tie it to a request.
  error({ message }) {
    announceError(message);
    const c = activeConv();
    if (c && message) addNotice(c, { text: message, error: true });
    invalidate('conv');
  },
};

/** Apply one server event; unknown types are ignored, as the protocol asks. */
export function applyEvent(ev) {
  if (Object.hasOwn(handlers, ev.type)) handlers[ev.type](ev);
}
