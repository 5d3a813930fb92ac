// One tab per joined room and per private conversation, with unread counters. Arrow keys move
// between tabs; Delete or the × button closes one (leaving the room). A tablist may own only
// tabs: the × is for pointers, out of the accessibility tree and the tab order, and Delete is
// its keyboard equivalent (as the ARIA tabs pattern has it).

import { $, h, syncList } from '../dom.js';
import { t } from '../i18n.js';
import { onRender } from '../render.js';
import { state } from '../state.js';
import { activate, closeConversation } from '../actions.js';
import { announceError } from '../live.js';

export const tabId = (key) => `tab-${key}`;

// Unread messages in tabs scrolled out of the tab bar's view: a button that brings them in.
const hiddenUnread = h('button', { type: 'button', class: 'tabs-unread small', 'data-testid': 'tabs-unread', hidden: true,
  onclick: () => offscreen()[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' }) });

export function initTabs() {
  onRender('tabs', render);
  $('tabs').after(hiddenUnread);
  $('tabs').addEventListener('scroll', updateHidden, { passive: true });
  addEventListener('resize', updateHidden);
  $('tabs').addEventListener('keydown', (e) => {
    const tabs = [...$('tabs').querySelectorAll('[role=tab]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'Delete') {
      e.preventDefault();
      close(tabs[i].parentElement.conv);
      return;
    }
    const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length];
    activate(tab.dataset.key);
    tab.focus();
  });
}

async function close(c) {
  try {
    await closeConversation(c);
    (document.querySelector('[role=tab][aria-selected=true]') || $('composer')).focus();
  } catch (e) {
    announceError(e.message);
  }
}

function createTab(c) {
  const kind = c.kind === 'room' ? 'room' : 'private';
  const tab = h('button', { type: 'button', role: 'tab', id: tabId(c.key), 'data-key': c.key,
    'aria-controls': 'conv-panel', 'aria-keyshortcuts': 'Delete', 'data-testid': `tab-${kind}-${c.id}`, class: `tab ${kind}`,
    onclick: () => activate(c.key) });
  const wrap = h('div', { class: 'tab-wrap', role: 'presentation' }, tab,
    h('button', { type: 'button', class: 'tab-close', 'data-testid': `tab-close-${kind}-${c.id}`, 'aria-hidden': 'true', tabindex: '-1', onclick: () => close(wrap.conv) }, '×'));
  wrap.tab = tab;
  return wrap;
}

function updateTab(wrap, c) {
  wrap.conv = c;
  const tab = wrap.tab;
  const selected = c.key === state.active;
  tab.setAttribute('aria-selected', String(selected));
  tab.tabIndex = selected ? 0 : -1;
  tab.classList.toggle('closed', c.closed);
  const badge = c.unread
    ? [h('span', { class: `badge${c.alerts ? ' alert' : ''}`, 'aria-hidden': 'true' }, String(c.unread)),
      h('span', { class: 'vh' }, `, ${t('unread', { count: c.unread })}`)]
    : [];
  const label = c.kind === 'private' ? [h('span', { class: 'vh' }, `${t('tab_private')} `)] : [];
  tab.replaceChildren(...label, h('span', { class: 'tab-name' }, c.name), ...badge);
  wrap.lastChild.setAttribute('aria-label', t('tab_close', { name: c.name }));
  wrap.lastChild.title = t('tab_close', { name: c.name });
}

let shown = null;

// Tabs with unread messages that lie outside the tab bar's visible part.
function offscreen() {
  const bar = $('tabs').getBoundingClientRect();
  return [...$('tabs').querySelectorAll('[role=tab]')].filter((tab) => {
    const c = state.convs.get(tab.dataset.key);
    if (!c?.unread) return false;
    const r = tab.getBoundingClientRect();
    return r.right > bar.right + 1 || r.left < bar.left - 1;
  });
}

function updateHidden() {
  const tabs = offscreen();
  const count = tabs.reduce((n, tab) => n + state.convs.get(tab.dataset.key).unread, 0);
  hiddenUnread.hidden = !count || $('tabs').hidden;
  hiddenUnread.textContent = count ? t('tabs_hidden_unread', { count }) : '';
}

function render() {
  syncList($('tabs'), [...state.convs.values()], (c) => c.key, createTab, updateTab);
  $('tabs').hidden = state.convs.size === 0;
  if (shown !== state.active) {
    shown = state.active;
    $('tabs').querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  updateHidden();
}
