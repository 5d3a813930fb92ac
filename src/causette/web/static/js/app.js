// Boot and wiring: load the language, start the views, open the connection and route what
// the server sends.

import { createConnection } from './connection.js';
import { storedLang } from './i18n.js';
import { onRender, invalidate } from './render.js';
import { activeConv, alertCount, state } from './state.js';
import { bindConnection } from './actions.js';
import { applyEvent } from './events.js';
import { hello, enter, disconnected, quit, changeLang } from './session.js';
import { initStatus, setConnectionState } from './views/status.js';
import { initEntry } from './views/entry.js';
import { initRooms } from './views/rooms.js';
import { initTabs } from './views/tabs.js';
import { initConversation } from './views/conversation.js';
import { initComposer } from './views/composer.js';
import { initPeople } from './views/people.js';
import { initCard } from './views/card.js';
import { initSettings } from './views/settings.js';
import { initDrawers } from './views/drawers.js';
import { initReport } from './views/report.js';
import { initStatement } from './views/statement.js';
import { initFollowup, sanctioned, reportOutcome } from './views/followup.js';

function route(ev) {
  if (ev.type === 'hello') hello(ev);
  else if (ev.type === 'disconnect') disconnected(ev);
  else if (ev.type === 'sanction') sanctioned(ev.decision);
  else if (ev.type === 'report_outcome') reportOutcome(ev);
  else applyEvent(ev);
}

// "(3) causette" while private messages or mentions wait unseen.
function renderTitle() {
  const n = alertCount();
  document.title = n ? `(${n}) causette` : 'causette';
}

// Coming back to the page counts the active conversation as read.
document.addEventListener('visibilitychange', () => {
  const c = activeConv();
  if (!document.hidden && c) {
    c.unread = c.alerts = 0;
    invalidate('tabs', 'title');
  }
});

async function boot() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const conn = createConnection({
    url: `${scheme}//${location.host}/ws?v=1`,
    onEvent: route,
    onState: setConnectionState,
  });
  bindConnection(conn);
  await changeLang(storedLang() || 'fr', false, false);
  initStatus(() => conn.restart());
  initEntry(enter);
  // Observable readiness (bench/page_weight.py): the form's submit handler is attached.
  document.getElementById('entry-form').dataset.ready = 'true';
  initDrawers();
  initRooms();
  initTabs();
  initConversation();
  initComposer();
  initPeople();
  initCard();
  initSettings({ onQuit: quit, onLang: (l) => changeLang(l) });
  initReport();
  initStatement();
  initFollowup();
  document.getElementById('lang-switch').addEventListener('click', () =>
    changeLang(document.getElementById('lang-switch').lang));
  onRender('title', renderTitle);
  invalidate();
  conn.open();
}

boot();

// The bundle is one module: the browser tests reach the running client's event router and
// state through it (the page's own instance, as `import(bundleUrl)` returns it).
export { applyEvent, state };
