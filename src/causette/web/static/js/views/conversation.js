// The active conversation: its header (name, topic, inline topic edit for the owner) and its
// message list, updated in place so scroll position and focus survive new messages.

import { $, setText } from '../dom.js';
import { t, currentLang } from '../i18n.js';
import { onRender } from '../render.js';
import { activeConv, isOwner } from '../state.js';
import { setTopic } from '../actions.js';
import { announce, announceError } from '../live.js';
import { buildItem } from './messages.js';
import { openCard } from './card.js';
import { tabId } from './tabs.js';
import { openDrawer } from './drawers.js';

let cache = new WeakMap(); // item -> {el, v}
let cacheLang = null;
let shownKey = null;

export function initConversation() {
  onRender('conv', render);
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
      setText($('topic-error'), err.message);
      announceError(err.message);
    }
  });
  $('show-rooms').addEventListener('click', () => openDrawer('rooms'));
}

function editTopic(on) {
  $('topic-form').hidden = !on;
  $('topic-edit').hidden = on;
  $('conv-topic').hidden = on;
  setText($('topic-error'), '');
  if (on) {
    $('topic-input').value = activeConv()?.topic || '';
    $('topic-input').focus();
  } else $('topic-edit').focus();
}

function header(c) {
  $('conv-title').textContent = c ? c.name : '';
  let sub = c?.topic || '';
  if (c?.kind === 'private' && c.peer) sub = t('private_with', { nick: c.peer.nick });
  if (shownKey !== (c?.key ?? null)) $('topic-form').hidden = true;
  setText($('conv-topic'), $('topic-form').hidden ? sub : '');
  $('topic-edit').hidden = !isOwner(c) || c.closed || !$('topic-form').hidden;
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
  shownKey = c?.key ?? null;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const fresh = [];
  const els = (c?.items || []).map((item) => {
    let entry = cache.get(item);
    if (!entry || entry.v !== item.v) {
      if (!entry && !switched && item.kind === 'message' && !item.mine) fresh.push(item.msg);
      entry = { el: buildItem(item, c, openCard), v: item.v };
      cache.set(item, entry);
    }
    return entry.el;
  });
  const wanted = new Set(els);
  for (const el of [...list.children]) if (!wanted.has(el)) el.remove();
  let cur = list.firstElementChild;
  for (const el of els) {
    if (el === cur) cur = cur.nextElementSibling;
    else list.insertBefore(el, cur);
  }
  if (switched || nearBottom) list.scrollTop = list.scrollHeight;
  for (const m of fresh) {
    announce(m.action ? `* ${m.from.nick} ${m.text}` : t('said', { nick: m.from.nick, text: m.text }));
  }
}
