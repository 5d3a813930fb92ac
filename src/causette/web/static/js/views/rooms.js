// The room list (live counts from room_list) with a join button per room, and the form to
// create a room.

import { $, h, setText, syncList } from '../dom.js';
import { t } from '../i18n.js';
import { onRender } from '../render.js';
import { state, roomKey } from '../state.js';
import { joinRoom, createRoom, activate } from '../actions.js';
import { announceError } from '../live.js';
import { closeDrawers } from './drawers.js';

export function initRooms() {
  onRender('rooms', render);
  $('create-room').addEventListener('submit', (e) => {
    e.preventDefault();
    create();
  });
}

function showRoomsError(e) {
  const text = e ? e.message : '';
  setText($('rooms-error'), text);
  announceError(text);
}

async function join(r) {
  showRoomsError(null);
  const c = state.convs.get(roomKey(r.id));
  try {
    if (c && !c.closed) activate(c.key);
    else await joinRoom(r.id);
    closeDrawers();
    $('composer').focus();
  } catch (e) {
    showRoomsError(e);
  }
}

function create() {
  const name = $('create-room-name');
  const topic = $('create-room-topic');
  for (const f of ['name', 'topic']) setText($(`error-create-room-${f}`), '');
  if (!name.value.trim()) {
    setText($('error-create-room-name'), t('err_room_name_required'));
    return name.focus();
  }
  createRoom(name.value.trim(), topic.value.trim()).then(
    () => {
      name.value = topic.value = '';
      closeDrawers();
      $('composer').focus();
    },
    (e) => {
      const f = e.field === 'topic' ? 'topic' : e.field === 'room' || e.field === 'name' ? 'name' : null;
      if (f) setText($(`error-create-room-${f}`), e.message);
      else showRoomsError(e);
      announceError(e.message);
    },
  );
}

// Official rooms first in the server's order, then user rooms by name: a stable order, so a
// count changing does not move the button under the visitor's finger.
function ordered() {
  const official = state.rooms.filter((r) => r.kind !== 'user');
  const user = state.rooms.filter((r) => r.kind === 'user').sort((a, b) => a.name.localeCompare(b.name));
  return [...official, ...user];
}

function createItem(r) {
  const li = h('li', { class: 'room', 'data-testid': `room-${r.id}` });
  li.parts = {
    name: h('span', { class: 'room-name' }),
    count: h('span', { class: 'room-count' }),
    topic: h('p', { class: 'topic' }),
    button: h('button', { type: 'button', class: 'small', 'data-testid': `join-${r.id}`, onclick: () => join(li.room) }),
  };
  const { name, count, topic, button } = li.parts;
  li.append(h('div', { class: 'room-line' }, name, count), topic, button);
  return li;
}

function updateItem(li, r) {
  li.room = r;
  const joined = !!state.convs.get(roomKey(r.id)) && !state.convs.get(roomKey(r.id)).closed;
  const { name, count, topic, button } = li.parts;
  name.textContent = r.name;
  count.textContent = t('room_count', { count: r.count ?? 0 });
  setText(topic, r.topic);
  button.textContent = t(joined ? 'room_open' : 'room_join');
  button.setAttribute('aria-label', t(joined ? 'room_open_label' : 'room_join_label', { name: r.name }));
  li.classList.toggle('joined', joined);
  li.classList.toggle('active', state.active === roomKey(r.id));
}

function render() {
  syncList($('room-list'), ordered(), (r) => r.id, createItem, updateItem);
}
