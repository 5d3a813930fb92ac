// The people of the room shown (the active room, or the last one when a private conversation
// is active), with filters by gender, age range and département.

import { $, h, syncList } from '../dom.js';
import { t } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { isMe, ignoreEntry } from '../state.js';
import { activeRoom } from '../actions.js';
import { openCard, describe } from './card.js';
import { genderClass } from './messages.js';

const SYMBOL = { woman: '♀', man: '♂', other: '⚲' };
let room = null;

export function initPeople() {
  onRender('people', render);
  for (const id of ['filter-gender', 'filter-age-min', 'filter-age-max', 'filter-dept']) {
    $(id).addEventListener('input', () => invalidate('people'));
  }
}

function filters() {
  const num = (id) => ($(id).value === '' ? null : Number($(id).value));
  return { gender: $('filter-gender').value, min: num('filter-age-min'), max: num('filter-age-max'), dept: $('filter-dept').value };
}

const matches = (u, f) =>
  (!f.gender || u.gender === f.gender) &&
  (f.min == null || u.age >= f.min) &&
  (f.max == null || u.age <= f.max) &&
  (!f.dept || u.dept?.code === f.dept);

// Only the départements present in the room, by code, abroad last.
function renderDepts(members) {
  const select = $('filter-dept');
  const chosen = select.value;
  const depts = new Map();
  for (const u of members) if (u.dept) depts.set(u.dept.code, u.dept);
  const sorted = [...depts.values()].sort((a, b) =>
    (a.code === 'etranger') - (b.code === 'etranger') || a.code.localeCompare(b.code, 'fr', { numeric: true }));
  const options = [{ code: '', label: t('filter_all_depts') },
    ...sorted.map((d) => ({ code: d.code, label: d.code === 'etranger' ? d.name : `${d.code} · ${d.name}` }))];
  if (chosen && !depts.has(chosen)) options.push({ code: chosen, label: chosen });
  syncList(select, options, (o) => o.code, (o) => h('option', { value: o.code }), (el, o) => {
    el.textContent = o.label;
  });
  select.value = chosen;
}

function createMember(u) {
  const li = h('li', null);
  li.button = h('button', { type: 'button', class: 'member', 'data-testid': `member-${u.id}`, onclick: () => openCard(li.user) });
  li.append(li.button);
  return li;
}

function updateMember(li, u) {
  li.user = u;
  const ignored = !!ignoreEntry(u.id);
  const owner = room?.roomKind === 'user' && room.owner === u.id;
  // Within the grace period (connection lost): still here, shown as away.
  li.button.className = `member ${genderClass(u)}${ignored ? ' ignored' : ''}${u.away ? ' away' : ''}`;
  li.button.replaceChildren(
    h('span', { class: 'sym', 'aria-hidden': 'true' }, SYMBOL[u.gender] || SYMBOL.other),
    h('span', { class: 'who' }, u.nick,
      isMe(u) ? h('span', { class: 'tag' }, ` (${t('you')})`) : null,
      owner ? h('span', { class: 'tag' }, ` ★ ${t('owner')}`) : null,
      ignored ? h('span', { class: 'tag' }, ` (${t('ignored')})`) : null,
      u.away ? h('span', { class: 'tag away-tag', 'data-testid': `away-${u.id}` }, ` (${t('away')})`) : null),
    h('span', { class: 'meta' }, describe(u)));
}

function render() {
  room = activeRoom();
  const members = room ? [...room.members.values()] : [];
  renderDepts(members);
  const f = filters();
  const shown = members.filter((u) => matches(u, f)).sort((a, b) => a.nick.localeCompare(b.nick));
  $('people-room').textContent = room ? t('people_in', { name: room.name }) : t('people_none');
  const total = t('people_count', { count: members.length });
  $('member-count').textContent = shown.length === members.length ? total : `${total} · ${t('people_shown', { count: shown.length })}`;
  syncList($('member-list'), shown, (u) => u.id, createMember, updateMember);
}
