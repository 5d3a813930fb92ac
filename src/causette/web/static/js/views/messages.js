// One list item per conversation item: a message, a group of presence lines (summarised when
// long or in a big room), or a system notice.

import { h } from '../dom.js';
import { t, clock, joinList } from '../i18n.js';
import { state } from '../state.js';
import { renderText, mentions } from '../text.js';

const GENDERS = ['woman', 'man', 'other'];
export const genderClass = (user) => `g-${GENDERS.includes(user?.gender) ? user.gender : 'other'}`;

function nickButton(user, onNick) {
  return h('button', { type: 'button', class: `nick ${genderClass(user)}`, onclick: () => onNick(user) }, user?.nick ?? '?');
}

function message({ msg: m, mine }, onNick) {
  const nick = state.me?.nick;
  const cls = ['msg', m.action && 'action', mine && 'mine', !mine && mentions(m.text, nick) && 'mention'];
  return h('li', { class: cls.filter(Boolean).join(' '), 'data-testid': `msg-${m.id}` },
    h('time', { datetime: m.ts }, clock(m.ts)), ' ',
    m.action ? h('span', { class: 'star', 'aria-hidden': 'true' }, '* ') : null,
    nickButton(m.from, onNick), ' ',
    h('span', { class: 'text' }, renderText(m.text, mine ? null : nick)));
}

function line(e) {
  const p = { nick: e.user.nick, by: e.by?.nick };
  if (e.type === 'joined') return t('presence_joined', p);
  if (e.reason === 'kicked') return t(e.by ? 'presence_kicked_by' : 'presence_kicked', p);
  if (e.reason === 'quit' || e.reason === 'timeout') return t(`presence_${e.reason}`, p);
  return t('presence_left', p);
}

// "Zoé, Paul et 3 autres"
function names(list) {
  return joinList(list.length <= 3 ? list : [...list.slice(0, 2), t('others', { count: list.length - 2 })]);
}

function summary(entries) {
  const nicks = (type) => [...new Set(entries.filter((e) => e.type === type).map((e) => e.user.nick))];
  const parts = [];
  for (const [type, key] of [['joined', 'presence_joined_many'], ['left', 'presence_left_many']]) {
    const list = nicks(type);
    if (list.length) parts.push(t(key, { count: list.length, names: names(list) }));
  }
  return parts.join(' · ');
}

function presence(item, conv) {
  const many = item.entries.length > 3 || conv.members.size > 30;
  if (many) return h('li', { class: 'presence summary' }, summary(item.entries));
  return h('li', { class: 'presence' },
    item.entries.map((e) => h('span', { class: `line ${e.type}` }, line(e))));
}

function notice(item) {
  return h('li', { class: `notice${item.error ? ' error' : ''}` }, item.text ?? t(item.key, item.params));
}

/** The element for one item of conversation `conv`; `onNick(user)` opens a user card. */
export function buildItem(item, conv, onNick) {
  if (item.kind === 'message') return message(item, onNick);
  if (item.kind === 'presence') return presence(item, conv);
  return notice(item);
}
