// The active conversation: its header (name, topic, inline topic edit for the owner) and its
// message list, updated in place so scroll position and focus survive new messages. Scrolled
// up, new messages wait below a "new messages" divider with a button to jump to them; at the
// top, older messages of a room load.

import { $, h, setText } from '../dom.js';
import { t, currentLang, errorText } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { state, activeConv, isOwner, addNotice } from '../state.js';
import { setTopic, ignore, loadOlder } from '../actions.js';
import { watchLatest } from '../events.js';
import { announce, announceError } from '../live.js';
import { buildItem } from './messages.js';
import { openCard } from './card.js';
import { tabId } from './tabs.js';
import { openDrawer } from './drawers.js';
import { openReport } from './report.js';

const excerpt = (text) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

const acts = {
  onNick: openCard,
  onReport: (m, category) =>
    openReport({ message: m.id }, t('report_about_message', { nick: m.from?.nick, text: excerpt(m.text) }), category),
  onReportUser: (user, category) => openReport({ user: user.id }, t('report_about_user', { nick: user.nick }), category),
  async onIgnore(user) {
    try {
      await ignore(user);
      announce(t('tip_ignored', { nick: user.nick }));
      $('messages').focus();
    } catch (e) {
      announceError(e.message);
      const c = activeConv();
      if (c) addNotice(c, { text: e.message, error: true });
      invalidate('conv');
    }
  },
  onDismiss(item) {
    const c = activeConv();
    if (c) c.items = c.items.filter((it) => it !== item);
    invalidate('conv');
    $('messages').focus();
  },
};

let cache = new WeakMap(); // item -> {el, v}
let cacheLang = null;
let shownKey = null;
const NEAR = 80; // px from the bottom that still counts as reading the latest
const divider = h('li', { class: 'divider', 'data-testid': 'new-divider' });
const older = h('li', { class: 'older' });
const jump = h('button', { type: 'button', class: 'jump small', 'data-testid': 'jump-latest', hidden: true });

const atBottom = () => {
  const list = $('messages');
  return list.hidden || list.scrollHeight - list.scrollTop - list.clientHeight < NEAR;
};

export function initConversation() {
  onRender('conv', render);
  watchLatest(atBottom);
  $('messages').after(jump);
  jump.addEventListener('click', () => {
    const list = $('messages');
    list.scrollTop = list.scrollHeight;
    updateJump();
    $('composer').focus();
  });
  $('messages').addEventListener('scroll', () => {
    updateJump();
    if ($('messages').scrollTop < 40) older_();
  }, { passive: true });
  $('topic-edit').addEventListener('click', () => editTopic(true));
  $('topic-cancel').addEventListener('click', () => editTopic(false));
  $('topic-input').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      editTopic(false);
    }
  });
  $('topic-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = activeConv();
    try {
      await setTopic(c, $('topic-input').value.trim());
      editTopic(false);
    } catch (err) {
      setText($('topic-error'), errorText(err));
      announceError(errorText(err));
    }
  });
  $('show-rooms').addEventListener('click', () => openDrawer('rooms'));
  initMenu();
}

// The header's ⋯ menu: report this room, or the person of this private conversation.
function initMenu() {
  const toggle = $('conv-menu-toggle');
  const show = (on) => {
    $('conv-menu').hidden = !on;
    toggle.setAttribute('aria-expanded', String(on));
  };
  toggle.addEventListener('click', () => show($('conv-menu').hidden));
  $('conv-menu').addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    show(false);
    toggle.focus();
  });
  document.addEventListener('click', (e) => !e.target.closest('.conv-menu') && show(false));
  $('conv-report').addEventListener('click', () => {
    const c = activeConv();
    show(false);
    toggle.focus();
    if (c?.kind === 'room') openReport({ room: c.id }, t('report_about_room', { name: c.name }));
    else if (c) openReport({ user: c.id }, t('report_about_user', { nick: c.name }));
  });
}

function editTopic(on) {
  $('topic-form').hidden = !on;
  setText($('topic-error'), '');
  // The header is redrawn from the state: the topic just saved shows at once.
  header(activeConv());
  if (on) {
    $('topic-input').value = activeConv()?.topic || '';
    $('topic-input').focus();
  } else $('topic-edit').focus();
}

// Older messages of the room shown, once at a time.
async function older_() {
  const c = activeConv();
  if (!c || c.kind !== 'room' || c.loadingOlder || c.oldestReached) return;
  try {
    await loadOlder(c);
  } catch (e) {
    if (e.code !== 'connection_lost') announceError(errorText(e));
  }
}

function updateOlder(c) {
  const reached = c.oldestReached;
  older.replaceChildren(reached ? t('history_start') : h('button', { type: 'button', class: 'ghost small',
    'data-testid': 'load-older', onclick: older_ }, t('history_older')));
  return c.kind === 'room' && !c.closed && (reached ? c.items.length > 0 : true) ? older : null;
}

// Unread messages below the view: how many, and the button that goes to them.
function updateJump() {
  const c = activeConv();
  const below = !c || atBottom() ? 0
    : c.items.filter((it) => it.kind === 'message' && !it.mine && c.firstUnseen != null && it.msg.id >= c.firstUnseen).length;
  jump.hidden = !c || atBottom();
  jump.textContent = below ? t('jump_new', { count: below }) : t('jump_latest');
}

function header(c) {
  $('conv-title').textContent = c ? c.name : '';
  let sub = c?.topic || '';
  if (c?.kind === 'private' && c.peer) sub = t('private_with', { nick: c.peer.nick });
  if (shownKey !== (c?.key ?? null)) $('topic-form').hidden = true;
  setText($('conv-topic'), $('topic-form').hidden ? sub : '');
  $('topic-edit').hidden = !isOwner(c) || c.closed || !$('topic-form').hidden;
  $('conv-report').textContent = c?.kind === 'private' ? t('report_person', { nick: c.name }) : t('report_room');
  $('conv-empty').hidden = !!c;
  $('conv-head').hidden = !c;
  $('messages').hidden = !c;
  const panel = $('conv-panel');
  if (c) panel.setAttribute('aria-labelledby', tabId(c.key));
  else panel.removeAttribute('aria-labelledby');
}

function render() {
  const c = activeConv();
  header(c);
  const list = $('messages');
  if (cacheLang !== currentLang()) {
    cache = new WeakMap();
    cacheLang = currentLang();
  }
  const switched = shownKey !== (c?.key ?? null);
  // Left behind: what was new there has been seen.
  if (switched && shownKey) {
    const left = state.convs.get(shownKey);
    if (left) left.firstUnseen = null;
  }
  shownKey = c?.key ?? null;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR;
  const fromBottom = list.scrollHeight - list.scrollTop;
  const fresh = [];
  const els = [];
  const top = c && updateOlder(c);
  if (top) els.push(top);
  divider.textContent = t('new_messages');
  for (const item of c?.items || []) {
    let entry = cache.get(item);
    if (!entry || entry.v !== item.v) {
      if (!entry && !switched && !c.prepended && item.kind === 'message' && !item.mine) fresh.push(item.msg);
      entry = { el: buildItem(item, c, acts), v: item.v };
      cache.set(item, entry);
    }
    if (item.kind === 'message' && item.msg.id === c.firstUnseen) els.push(divider);
    els.push(entry.el);
  }
  const wanted = new Set(els);
  for (const el of [...list.children]) if (!wanted.has(el)) el.remove();
  let cur = list.firstElementChild;
  for (const el of els) {
    if (el === cur) cur = cur.nextElementSibling;
    else list.insertBefore(el, cur);
  }
  // Older messages came in above: the ones read stay where they were.
  if (c?.prepended && !switched) list.scrollTop = list.scrollHeight - fromBottom;
  else if (switched || nearBottom) list.scrollTop = list.scrollHeight;
  if (c) c.prepended = false;
  updateJump();
  // Nothing to scroll yet: the earlier messages come without waiting for a scroll.
  if (c?.kind === 'room' && !list.hidden && list.scrollHeight <= list.clientHeight + 1) older_();
  for (const m of fresh) {
    announce(m.action ? `* ${m.from.nick} ${m.text}` : t('said', { nick: m.from.nick, text: m.text }));
  }
}
