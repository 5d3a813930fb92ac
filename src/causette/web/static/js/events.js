// Server events that change the chat: messages (and their removal, or holding for moderation),
// presence, nicknames, topics, the room list, safety tips, conversations the platform closed
// or moderates.
// (hello and disconnect belong to the session, see session.js.)

import { invalidate } from './render.js';
import { announce, announceError } from './live.js';
import { t } from './i18n.js';
import {
  state, roomKey, isMe, addMessage, addPresence, addNotice, updateUser, activeConv, addTip, markDeleted,
  dropHeld, lockConversation, lastFromOthers, dropMessagesFrom,
} from './state.js';
import { syncRoom, forget } from './actions.js';
import { notifyAlert } from './notify.js';

// Whether the visitor sees the newest messages of the conversation shown (set by the view).
let atLatest = () => true;
export const watchLatest = (fn) => {
  atLatest = fn;
};

/** Count a new message as unread unless the visitor is looking at it; the divider goes above
 * the first one not seen. */
function countUnread(c, m, alert) {
  const looking = c.key === state.active && !document.hidden;
  if (looking && atLatest()) return;
  if (c.firstUnseen == null) c.firstUnseen = m.id;
  if (looking) return; // scrolled up: the jump button counts them
  c.unread++;
  if (alert) c.alerts++;
}

const room = (id) => state.convs.get(roomKey(id));
// The advice keys the client knows, with the title spoken when one is shown.
const TIP_TITLES = { ambush: 'tip_title', safety: 'tip_safety_title', minor_help: 'tip_minor_title' };
// The warnings the server may give a sender, and what the client says for each.
const WARNINGS = {
  personal_info: 'warn_personal_info', respect: 'warn_respect', off_platform: 'warn_off_platform',
  minor_contact: 'warn_minor_contact', spam: 'warn_spam', threat: 'warn_threat', hate: 'warn_hate',
};

/** A notice in `c`, also spoken when `c` is the conversation shown. */
function tell(c, key) {
  addNotice(c, { key });
  if (c.key === state.active) announce(t(key));
}

const handlers = {
  message(ev) {
    const r = addMessage(ev);
    if (!r) return;
    if (!isMe(ev.from)) countUnread(r.conv, ev, r.alert);
    else if (!ev.history) r.conv.firstUnseen = null; // I answered: what came before is read
    if (r.alert) notifyAlert(r.conv, ev);
    invalidate('conv', 'tabs', 'title', 'rooms');
  },

  message_deleted({ id }) {
    if (markDeleted(id)) invalidate('conv');
  },

  // My own message, held by the safety gate: shown to me only, marked, never unread.
  message_held(ev) {
    if (!addMessage(ev, false, true)) return;
    announce(t('held_announce'));
    invalidate('conv');
  },

  // Released: posted anew under `message_id` (a `message` follows), so the held copy goes.
  held_released({ id }) {
    if (!dropHeld(id)) return;
    announce(t('held_released'));
    invalidate('conv');
  },

  held_removed({ id }) {
    if (!markDeleted(id)) return;
    announce(t('held_removed'));
    invalidate('conv');
  },

  // Advice from the server's safety gate (SAFETY.md 9, 10), once per conversation and advice,
  // with one-tap report and ignore.
  safety_tip({ advice, room: id, user }) {
    const c = id != null ? room(id) : user && state.convs.get(`private:${user.id}`);
    if (!c) return;
    const msg = lastFromOthers(c);
    const kind = Object.hasOwn(TIP_TITLES, advice) ? advice : 'safety';
    if (!addTip(c, { advice: kind, msg, user: user || msg?.from })) return;
    announce(t(TIP_TITLES[kind]));
    invalidate('conv');
  },

  // The server warns me about my own message (it was sent all the same).
  safety_warning({ warning, room: id, user }) {
    const c = id != null ? room(id) : user && state.convs.get(`private:${user.id}`);
    const key = Object.hasOwn(WARNINGS, warning) ? WARNINGS[warning] : 'warn_generic';
    if (c) tell(c, key);
    else announce(t(key));
    invalidate('conv');
  },

  private_closed({ user }) {
    const c = user && state.convs.get(`private:${user.id}`);
    if (!c || c.lock === 'platform') return;
    lockConversation(c, 'platform');
    tell(c, 'notice_private_closed');
    invalidate();
  },

  room_moderation({ room: id, moderated, may_speak: maySpeak }) {
    const c = room(id);
    if (!c || (c.moderated === moderated && c.maySpeak === maySpeak)) return;
    const was = c.moderated;
    Object.assign(c, { moderated, maySpeak });
    lockConversation(c, moderated && !maySpeak ? 'moderated' : null);
    if (!moderated) tell(c, 'notice_room_unmoderated');
    else if (!was) tell(c, 'notice_room_moderated');
    if (moderated && (was || maySpeak)) tell(c, maySpeak ? 'notice_may_speak' : 'notice_may_not_speak');
    invalidate('conv', 'composer');
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
    if (isMe(user) && reason === 'part') return forget(c); // I left it from another tab
    if (isMe(user)) {
      c.closed = true;
      c.members.clear();
      if (reason === 'age_band') addNotice(c, { key: 'notice_left_age_band' });
      else addNotice(c, { key: by ? 'notice_kicked_by' : 'notice_kicked', params: { nick: by?.nick } });
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

  // What I did from another tab of this browser: this one follows.
  room_entered({ room: id }) {
    syncRoom(id).catch((e) => announceError(e.message));
  },

  private_dismissed({ user: id }) {
    const c = state.convs.get(`private:${id}`);
    if (c) forget(c);
  },

  privacy({ privacy }) {
    state.privacy = privacy;
    invalidate('settings');
  },

  ignores({ ignores }) {
    const before = new Set(state.ignores.map((e) => e.user));
    state.ignores = ignores || [];
    for (const e of state.ignores) if (!before.has(e.user)) dropMessagesFrom(e.user);
    invalidate();
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
