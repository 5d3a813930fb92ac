// The message input: Enter sends, Shift+Enter starts a new line, a counter near the limit,
// commands (/me /join /part /nick /topic /msg), one draft per conversation. A refused message
// stays in the input with the server's reason beside it. Where I may not write (a moderated
// room, a private conversation the platform closed) a sentence says why, in its place.

import { $, setText } from '../dom.js';
import { t } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { state, activeConv, findByNick, addNotice, lockConversation } from '../state.js';
import { say, joinRoom, closeConversation, setNick, setTopic, openPrivateWith, localError } from '../actions.js';
import { announceError } from '../live.js';

const drafts = new Map(); // conversation key -> unsent text
let shownKey = null;

export function initComposer() {
  const input = $('composer');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  input.addEventListener('input', () => {
    setText($('composer-error'), '');
    update();
  });
  $('composer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  onRender('composer', render);
}

// Grow with the text up to a few lines, and count down near the limit.
function update() {
  const input = $('composer');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  const left = state.limits.message_max - input.value.length;
  setText($('composer-counter'), left <= Math.max(20, state.limits.message_max / 10) ? t('chars_left', { count: left }) : '');
}

function render() {
  const input = $('composer');
  const c = activeConv();
  if (shownKey !== state.active) {
    if (shownKey) drafts.set(shownKey, input.value);
    input.value = drafts.get(state.active) || '';
    drafts.delete(state.active);
    shownKey = state.active;
    setText($('composer-error'), '');
    update();
  }
  input.maxLength = state.limits.message_max;
  const lock = c?.lock;
  setText($('composer-locked'), lock ? t(lock === 'platform' ? 'notice_private_closed' : 'composer_locked_moderated') : '');
  input.hidden = $('send').hidden = !!lock;
  input.disabled = $('send').disabled = !c || c.closed || !!lock;
}

async function send() {
  const input = $('composer');
  const c = activeConv();
  const raw = input.value;
  const text = raw.trim();
  if (!c || c.closed || c.lock || !text) return;
  try {
    await run(c, text);
    // A command may have switched conversation, which saved the text as a draft.
    if (drafts.get(c.key) === raw) drafts.delete(c.key);
    else if (input.value === raw && state.active === c.key) input.value = '';
    update();
  } catch (e) {
    const message = e.code === 'connection_lost' ? t('err_connection') : e.message;
    setText($('composer-error'), message);
    announceError(message);
    // A refused private message is explained in its own tab too.
    if (c.kind === 'private' && /^(private_|user_not_found)/.test(e.code)) {
      addNotice(c, { text: message, error: true });
      if (e.code === 'private_closed') lockConversation(c, 'platform');
      invalidate('conv', 'composer', 'tabs');
    }
  }
}

function run(c, text) {
  if (text.startsWith('//')) return say(c, text.slice(1));
  if (!text.startsWith('/')) return say(c, text);
  const [, cmd, rest] = text.match(/^\/(\S+)\s*([\s\S]*)$/);
  switch (cmd.toLowerCase()) {
    case 'me':
      if (!rest) throw localError('cmd_usage_me');
      return say(c, rest, true);
    case 'join':
      return joinRoom(rest.trim());
    case 'part':
    case 'leave':
    case 'close':
      return closeConversation(c);
    case 'nick':
      return setNick(rest.trim());
    case 'topic':
      if (c.kind !== 'room') throw localError('cmd_topic_room');
      return setTopic(c, rest);
    case 'msg': {
      const m = rest.match(/^(\S+)\s+([\s\S]+)$/);
      if (!m) throw localError('cmd_usage_msg');
      const user = findByNick(m[1]);
      if (!user) throw localError('cmd_user_unknown', { nick: m[1] });
      return say(openPrivateWith(user), m[2]);
    }
    default:
      throw localError('cmd_unknown', { cmd: `/${cmd}` });
  }
}
