// The settings panel: who may write to me privately, language, the people I ignore, my
// reports, decisions and appeals (see followup.js), quit.

import { $, h, setText, syncList } from '../dom.js';
import { t, currentLang } from '../i18n.js';
import { onRender } from '../render.js';
import { state } from '../state.js';
import { setPrivacy, unignore } from '../actions.js';
import { announceError } from '../live.js';
import { refreshFollowup } from './followup.js';
import { alertPrefs, setDesktop, setSound, desktopSupported, desktopDenied } from '../notify.js';

let returnTo = null;

export function initSettings({ onQuit, onLang }) {
  const dlg = $('settings-panel');
  $('open-settings').addEventListener('click', () => {
    returnTo = document.activeElement;
    setText($('settings-error'), '');
    setText($('casework-error'), '');
    render();
    dlg.showModal();
    refreshFollowup();
  });
  dlg.addEventListener('close', () => returnTo?.isConnected && returnTo.focus());
  dlg.addEventListener('click', (e) => e.target === dlg && dlg.close());
  $('settings-close').addEventListener('click', () => dlg.close());
  $('privacy').addEventListener('change', (e) => run(() => setPrivacy(e.target.value)));
  $('settings-lang').addEventListener('change', (e) => onLang(e.target.value));
  $('alert-desktop').addEventListener('change', async (e) => {
    await setDesktop(e.target.checked);
    render();
  });
  $('alert-sound').addEventListener('change', (e) => setSound(e.target.checked));
  $('quit').addEventListener('click', () => {
    returnTo = null;
    dlg.close();
    onQuit();
  });
  onRender('settings', render);
}

async function run(fn) {
  setText($('settings-error'), '');
  try {
    await fn();
  } catch (e) {
    setText($('settings-error'), e.message);
    announceError(e.message);
  }
  render();
  const dlg = $('settings-panel');
  if (dlg.open && !dlg.contains(document.activeElement)) $('settings-close').focus();
}

function createEntry(e) {
  const li = h('li', null, h('span', { class: 'who' }));
  li.append(h('button', { type: 'button', class: 'small', 'data-testid': `unignore-${e.id}`, onclick: () => run(() => unignore(li.entry.id)) }));
  return li;
}

function updateEntry(li, e) {
  li.entry = e;
  li.firstChild.textContent = e.nick;
  li.lastChild.textContent = t('card_unignore');
  li.lastChild.setAttribute('aria-label', t('unignore_label', { nick: e.nick }));
}

function render() {
  $('privacy').value = state.privacy;
  $('settings-lang').value = currentLang();
  const alerts = alertPrefs();
  $('alert-desktop').checked = alerts.desktop;
  $('alert-desktop').disabled = !desktopSupported();
  $('alert-sound').checked = alerts.sound;
  const note = !desktopSupported() ? 'alert_unsupported' : desktopDenied() ? 'alert_denied' : '';
  setText($('alert-note'), note ? t(note) : '');
  syncList($('ignore-list'), state.ignores, (e) => e.id, createEntry, updateEntry);
  $('ignores-empty').hidden = state.ignores.length > 0;
}
