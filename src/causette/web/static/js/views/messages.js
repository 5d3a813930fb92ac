// One list item per conversation item: a message (with its report button, held for review, or
// removed by the moderators), a group of presence lines (summarised when long or in a big
// room), a system notice, or a safety tip.

import { h } from '../dom.js';
import { t, clock, dateTime, joinList } from '../i18n.js';
import { state, ignoreEntry } from '../state.js';
import { renderText, mentions } from '../text.js';

const GENDERS = ['woman', 'man', 'other'];
export const genderClass = (user) => `g-${GENDERS.includes(user?.gender) ? user.gender : 'other'}`;

function nickButton(user, onNick) {
  return h('button', { type: 'button', class: `nick ${genderClass(user)}`, onclick: () => onNick(user) }, user?.nick ?? '?');
}

function message(item, acts) {
  const { msg: m, mine, deleted, held } = item;
  const nick = state.me?.nick;
  const cls = ['msg', m.action && 'action', mine && 'mine', held && 'held', !mine && !deleted && mentions(m.text, nick) && 'mention'];
  const report = !mine && !deleted &&
    h('button', { type: 'button', class: 'msg-report', 'data-testid': `report-msg-${m.id}`,
      'aria-label': t('report_message_label', { nick: m.from?.nick }), onclick: () => acts.onReport(m) }, t('report_action'));
  return h('li', { class: cls.filter(Boolean).join(' '), 'data-testid': `msg-${m.id}` },
    h('time', { datetime: m.ts, title: dateTime(m.ts) }, clock(m.ts)), ' ',
    m.action && !deleted ? h('span', { class: 'star', 'aria-hidden': 'true' }, '* ') : null,
    nickButton(m.from, acts.onNick), ' ',
    deleted ? h('span', { class: 'text removed' }, t(held ? 'held_removed' : 'message_removed'))
      : h('span', { class: 'text' }, renderText(m.text, mine ? null : nick)),
    held && !deleted ? [' ', h('span', { class: 'tag held-tag', 'data-testid': `held-${m.id}` }, t('held_pending'))] : null,
    report ? ' ' : null, report);
}

const outLink = (href, text) => h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);

const tel = (number, shown = number) => h('a', { href: `tel:${number}` }, shown);
const bullets = (keys) => h('ul', null, keys.map((k) => h('li', null, t(k))));
const emergency = () => [t('tip_emergency'), ' ', tel('17'), ' / ', tel('112')];

// What each advice says (SAFETY.md 10); an unknown advice gets the general one.
const ADVICE = {
  ambush: { title: 'tip_title', category: 'threat', body: () => [
    bullets(['tip_public', 'tip_friend', 'tip_company', 'tip_changes']),
    h('p', null, t('tip_help'), ' ', outLink('https://www.sos-homophobie.org', 'SOS homophobie'), ' ',
      tel('+33148064241', '01 48 06 42 41'), ' · ', emergency())] },
  safety: { title: 'tip_safety_title', category: '', body: () => [
    bullets(['tip_safety_private', 'tip_safety_demands', 'tip_safety_stop']), h('p', null, emergency())] },
  minor_help: { title: 'tip_minor_title', category: '', body: () => [
    h('p', null, t('tip_minor_text')),
    h('ul', null, h('li', null, tel('119'), ' ', t('tip_minor_119')), h('li', null, tel('3018'), ' ', t('tip_minor_3018'))),
    h('p', null, emergency())] },
};

// Safety advice about this conversation, with a one-tap report of the message or person it is
// about and a one-tap ignore.
function tip(item, acts) {
  const advice = Object.hasOwn(ADVICE, item.advice) ? item.advice : 'safety';
  const { title, category, body } = ADVICE[advice];
  const who = item.user;
  const report = item.msg ? () => acts.onReport(item.msg, category) : who && (() => acts.onReportUser(who, category));
  const reportLabel = advice === 'ambush' ? t('tip_report') : t('report_person', { nick: who?.nick });
  return h('li', { class: 'tip', 'data-testid': advice === 'ambush' ? 'ambush-tip' : `tip-${advice}` },
    h('p', { class: 'tip-title' }, t(title)),
    body(),
    h('p', { class: 'actions' },
      report && h('button', { type: 'button', class: 'danger small', 'data-testid': 'tip-report', onclick: report }, reportLabel),
      who && !ignoreEntry(who.id) && h('button', { type: 'button', class: 'small', 'data-testid': 'tip-ignore',
        onclick: () => acts.onIgnore(who) }, t('tip_ignore', { nick: who.nick })),
      h('button', { type: 'button', class: 'ghost small', 'data-testid': 'tip-dismiss', onclick: () => acts.onDismiss(item) }, t('tip_dismiss'))));
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
  const text = item.text ?? t(item.key, item.params);
  if (item.lines) {
    return h('li', { class: 'notice lines', 'data-testid': item.testid || 'help' }, h('span', { class: 'line' }, text),
      item.lines.map((l) => h('span', { class: 'line' }, l)));
  }
  return h('li', { class: `notice${item.error ? ' error' : ''}` }, text);
}

/**
 * The element for one item of conversation `conv`. `acts`: onNick(user) opens a user card,
 * onReport(message, category) and onReportUser(user, category) the report dialog,
 * onIgnore(user) ignores someone, onDismiss(item) removes a safety tip.
 */
export function buildItem(item, conv, acts) {
  if (item.kind === 'message') return message(item, acts);
  if (item.kind === 'presence') return presence(item, conv);
  if (item.kind === 'tip') return tip(item, acts);
  return notice(item);
}
