// The message input: Enter sends, Shift+Enter starts a new line, Tab completes a nickname, a
// counter near the limit (and a clear refusal over it), commands (/me /join /part /nick /topic
// /msg /help), one draft per conversation. A refused message
// stays in the input with the server's reason beside it. Where I may not write (a moderated
// room, a private conversation the platform closed) a sentence says why, in its place.

import { $, setText } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { state, activeConv, findByNick, addNotice, lockConversation } from '../state.js';
import { say, joinRoom, closeConversation, setNick, setTopic, openPrivateWith, localError } from '../actions.js';
import { announce, announceError } from '../live.js';

const drafts = new Map(); // conversation key -> unsent text
let shownKey = null;
// Tab pressed again cycles through the nicknames that matched: {start, prefix, matches, i}.
let completing = null;

// The commands /help lists, with their i18n keys.
const COMMANDS = ['me', 'msg', 'join', 'part', 'nick', 'topic', 'help'];

export function initComposer() {
  const input = $('composer');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && complete()) {
      e.preventDefault(); // a nickname was completed; with nothing to complete Tab moves on
      return;
    }
    if (e.key !== 'Tab') completing = null;
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

// The people one may complete in conversation `c`: its members, or the private peer.
function candidates(c) {
  const people = c.kind === 'room' ? [...c.members.values()] : c.peer ? [c.peer] : [];
  return people.filter((u) => u.id !== state.me?.id).map((u) => u.nick).sort((a, b) => a.localeCompare(b));
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Complete the word before the caret into a nickname; true when something was completed. */
function complete() {
  const input = $('composer');
  const c = activeConv();
  if (!c || input.selectionStart !== input.selectionEnd) return false;
  const caret = input.selectionStart;
  if (!completing || completing.end !== caret) {
    const before = input.value.slice(0, caret);
    const word = before.match(/[^\s]*$/)[0].replace(/^@/, '');
    if (!word) return false;
    const start = caret - word.length;
    const matches = candidates(c).filter((n) => fold(n).startsWith(fold(word)));
    if (!matches.length) return false;
    completing = { start, matches, i: -1, end: caret };
  }
  const k = completing;
  k.i = (k.i + 1) % k.matches.length;
  // At the start of the message, "Nick: " as on IRC; elsewhere "Nick ".
  const filled = k.matches[k.i] + (k.start === 0 ? ': ' : ' ');
  const rest = input.value.slice(k.end).replace(/^ /, '');
  input.value = input.value.slice(0, k.start) + filled + rest;
  k.end = k.start + filled.length;
  input.setSelectionRange(k.end, k.end);
  update();
  return true;
}

// Grow with the text up to a few lines; count down near the limit, and say by how much it
// is over (the text is never cut: the visitor decides what to remove).
function update() {
  const input = $('composer');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  const max = state.limits.message_max;
  const left = max - input.value.length;
  const near = left <= Math.max(20, max / 10);
  setText($('composer-counter'), left < 0 ? t('chars_over', { count: -left, max }) : near ? t('chars_left', { count: left }) : '');
  $('composer-counter').classList.toggle('over', left < 0);
  if (left < 0) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
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
  input.removeAttribute('maxlength'); // a paste over the limit is shown, not cut
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
  if (text.length > state.limits.message_max && !text.startsWith('/')) {
    const message = t('err_too_long', { count: text.length - state.limits.message_max, max: state.limits.message_max });
    setText($('composer-error'), message);
    return announceError(message);
  }
  try {
    await run(c, text);
    // A command may have switched conversation, which saved the text as a draft.
    if (drafts.get(c.key) === raw) drafts.delete(c.key);
    else if (input.value === raw && state.active === c.key) input.value = '';
    update();
  } catch (e) {
    const message = errorText(e);
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
    case 'help':
    case 'aide':
      return help(c);
    default:
      throw localError('cmd_unknown', { cmd: `/${cmd}` });
  }
}

// The commands, as a notice in the conversation (and spoken).
function help(c) {
  const lines = COMMANDS.map((name) => t(`help_${name}`));
  addNotice(c, { key: 'help_title', lines });
  announce([t('help_title'), ...lines].join('. '));
  invalidate('conv');
}
