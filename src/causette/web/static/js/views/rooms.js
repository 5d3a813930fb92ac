// The room list (live counts from room_list) with a join button per room, and the form to
// create a room.

import { $, h, setText, syncList } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { state, roomKey } from '../state.js';
import { joinRoom, createRoom } from '../actions.js';
import { announceError } from '../live.js';
import { closeDrawers } from './drawers.js';

export function initRooms() {
  onRender('rooms', render);
  // The unread counts follow the tabs' (the drawer shows them on a phone).
  onRender('unread', renderToggle);
  $('create-room').addEventListener('submit', (e) => {
    e.preventDefault();
    create();
  });
}

// Run `fn`; on success close the drawer and go to the conversation, else show why.
async function go(fn, onError) {
  setText($('rooms-error'), '');
  try {
    await fn();
    closeDrawers();
    $('composer').focus();
  } catch (e) {
    (onError && onError(e)) || setText($('rooms-error'), errorText(e));
    announceError(errorText(e));
  }
}

function create() {
  const name = $('create-room-name');
  const topic = $('create-room-topic');
  const error = (f, text) => setText($(`error-create-room-${f}`), text) || true;
  error('name', '');
  error('topic', '');
  if (!name.value.trim()) return error('name', t('err_room_name_required')) && name.focus();
  go(async () => {
    await createRoom(name.value.trim(), topic.value.trim());
    name.value = topic.value = '';
  }, (e) => ['room', 'name', 'topic'].includes(e.field) && error(e.field === 'topic' ? 'topic' : 'name', e.message));
}

// Official rooms in the server's order, then user rooms by name: a stable order, so a count
// changing never moves a button under the visitor's finger.
function ordered() {
  const user = state.rooms.filter((r) => r.kind === 'user').sort((a, b) => a.name.localeCompare(b.name));
  return [...state.rooms.filter((r) => r.kind !== 'user'), ...user];
}

function createItem(r) {
  const li = h('li', { class: 'room', 'data-testid': `room-${r.id}` });
  li.append(
    h('div', null, h('span', { class: 'room-name' }), h('span', { class: 'room-count' }),
      h('span', { class: 'badge', 'data-testid': `room-unread-${r.id}`, hidden: true })),
    h('button', { type: 'button', class: 'small', 'data-testid': `join-${r.id}`, onclick: () => go(() => joinRoom(li.room.id)) }),
    h('p', { class: 'topic' }),
  );
  return li;
}

function updateItem(li, r) {
  li.room = r;
  const conv = state.convs.get(roomKey(r.id));
  const joined = conv?.closed === false;
  const [head, button, topic] = li.children;
  const [name, count, badge] = head.children;
  name.textContent = r.name;
  count.textContent = t('room_count', { count: r.count ?? 0 });
  const unread = joined ? conv.unread : 0;
  setText(badge, unread ? t('unread', { count: unread }) : '');
  badge.classList.toggle('alert', !!conv?.alerts);
  setText(topic, r.topic);
  button.textContent = t(joined ? 'room_open' : 'room_join');
  button.setAttribute('aria-label', t(joined ? 'room_open_label' : 'room_join_label', { name: r.name }));
  li.classList.toggle('active', state.active === roomKey(r.id));
}

function render() {
  syncList($('room-list'), ordered(), (r) => r.id, createItem, updateItem);
  invalidate('unread');
}

// On a phone the rooms hide in a drawer: its button says how many messages wait unread.
function renderToggle() {
  const total = [...state.convs.values()].reduce((n, c) => n + c.unread, 0);
  const button = $('open-rooms');
  let badge = button.querySelector('.badge');
  if (!badge) {
    badge = h('span', { class: 'badge', 'data-testid': 'drawer-rooms-unread', 'aria-hidden': 'true' });
    button.append(' ', badge, h('span', { class: 'vh' }));
  }
  setText(badge, total ? String(total) : '');
  badge.nextSibling.textContent = total ? `, ${t('unread', { count: total })}` : '';
}
