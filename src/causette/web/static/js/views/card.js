// The user card: who someone is, and what I can do about them (write privately, ignore,
// expel them from my room, report them). Escape closes it and focus returns where it was.

import { $, setText } from '../dom.js';
import { t } from '../i18n.js';
import { onRender } from '../render.js';
import { knownUser, isMe, isOwner, ignoreEntry } from '../state.js';
import { openPrivateWith, ignore, unignore, kick, activeRoom } from '../actions.js';
import { announceError } from '../live.js';
import { closeDrawers } from './drawers.js';
import { genderClass } from './messages.js';
import { openReport } from './report.js';

let user = null;
let room = null;
let returnTo = null;

/** "34 ans · Femme · Paris (75)" */
export function describe(u) {
  const dept = u.dept ? (u.dept.code === 'etranger' ? u.dept.name : `${u.dept.name} (${u.dept.code})`) : '';
  return [t('age_years', { count: u.age }), t(`gender_${u.gender}`), dept].filter(Boolean).join(' · ');
}

export function initCard() {
  const dlg = $('user-card');
  dlg.addEventListener('close', () => {
    if (returnTo?.isConnected) returnTo.focus();
    returnTo = null;
  });
  dlg.addEventListener('click', (e) => e.target === dlg && dlg.close()); // the backdrop
  $('card-close').addEventListener('click', () => dlg.close());
  $('card-private').addEventListener('click', () => {
    openPrivateWith(user);
    returnTo = $('composer');
    closeDrawers();
    dlg.close();
  });
  $('card-ignore').addEventListener('click', () =>
    act(() => {
      const entry = ignoreEntry(user.id);
      return entry ? unignore(entry.id) : ignore(user);
    }));
  $('card-kick').addEventListener('click', () => act(() => kick(room, user), true));
  // The report dialog opens over the card; closing it comes back here.
  $('card-report').addEventListener('click', () => {
    const where = room && !room.closed && room.members.has(user.id) ? { room: room.id } : {};
    openReport({ user: user.id, ...where }, t('report_about_user', { nick: user.nick }));
  });
  onRender('card', () => dlg.open && fill());
}

async function act(fn, closeAfter = false) {
  setText($('card-error'), '');
  try {
    await fn();
    if (closeAfter) $('user-card').close();
    else fill();
  } catch (e) {
    setText($('card-error'), e.message);
    announceError(e.message);
  }
}

/** Open the card of `u` (from a message or the member list). */
export function openCard(u) {
  if (!u) return;
  user = u;
  room = activeRoom();
  returnTo = document.activeElement;
  setText($('card-error'), '');
  fill();
  $('user-card').showModal();
}

function fill() {
  user = knownUser(user.id) || user;
  const nick = $('card-nick');
  nick.textContent = user.nick;
  nick.className = genderClass(user);
  $('card-info').textContent = describe(user);
  const self = isMe(user);
  $('card-private').hidden = self;
  $('card-ignore').hidden = self;
  $('card-report').hidden = self;
  $('card-ignore').textContent = t(ignoreEntry(user.id) ? 'card_unignore' : 'card_ignore');
  $('card-kick').hidden = self || !isOwner(room) || room.closed || !room.members.has(user.id);
}
