// Connection state in the top bar, and the banner shown while the connection is lost or after
// the server said why it closed it.

import { $, setText } from '../dom.js';
import { t } from '../i18n.js';
import { onRender, invalidate } from '../render.js';

let current = 'connecting';
let everOpen = false;
let message = '';
let canRetry = false;

export function initStatus(onRetry) {
  $('banner-retry').addEventListener('click', () => {
    canRetry = false;
    invalidate('status');
    onRetry();
  });
  onRender('status', render);
}

/** Called by the connection: 'connecting' | 'open' | 'reconnecting' | 'closed'. */
export function setConnectionState(s) {
  current = s;
  if (s === 'open') everOpen = true;
  invalidate('status');
}

/** Show why the server closed the connection; `retry` offers a button instead of waiting. */
export function showDisconnect(text, retry = false) {
  message = text || '';
  canRetry = retry;
  invalidate('status');
}

/** The session is back: forget past trouble. */
export function clearDisconnect() {
  message = '';
  canRetry = false;
  invalidate('status');
}

function render() {
  const el = $('connection');
  el.dataset.state = current;
  $('connection-text').textContent = t(`conn_${current}`);
  const lost = current === 'reconnecting';
  setText($('banner-message'), message);
  setText($('banner-state'), lost ? t(everOpen ? 'conn_lost' : 'conn_unreachable') : '');
  $('banner-retry').hidden = !canRetry;
  $('banner').classList.toggle('shown', !!message || lost || canRetry);
}
