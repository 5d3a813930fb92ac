// The entry form. The server decides: this only shows hints, checks that each field is filled,
// and puts each refusal next to its field (or above the form). A ban shows its decision and
// how to contest it; a network restricted by a decision about someone else says so, without
// that decision, and offers to ask for a review.

import { $, setText } from '../dom.js';
import { t, dateTime, currentLang, errorText } from '../i18n.js';
import { state } from '../state.js';
import { onRender } from '../render.js';
import { announceError } from '../live.js';
import { viewDecision, openAppeal } from './statement.js';
import { requestReview } from '../casework.js';

const IDS = { nickname: 'nickname', age: 'age', gender: 'gender-field', postal_code: 'postal-code' };
let filled = false;
let unblockTimer = 0;
let blockedUntil = null;
let blockedScope = 'device';
let banCode = null;

export function initEntry(onSubmit) {
  onRender('entry', hints);
  $('abroad').addEventListener('change', syncAbroad);
  // What the visitor typed before the server's hello arrived must not be overwritten.
  $('entry-form').addEventListener('input', () => { filled = true; });
  $('entry-ban-read').addEventListener('click', () => viewDecision(banCode, $('entry-error')));
  $('entry-ban-appeal').addEventListener('click', () => openAppeal(banCode));
  $('entry-review-open').addEventListener('click', () => {
    $('entry-review-open').hidden = true;
    $('entry-review').hidden = false;
    $('entry-review-text').focus();
  });
  $('entry-review-send').addEventListener('click', sendReview);
  $('entry-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit(onSubmit);
  });
  // The page ships the button disabled, so that the form cannot go anywhere before now.
  $('enter-submit').disabled = false;
}

function syncAbroad() {
  $('postal-code').disabled = $('abroad').checked;
}

// The server's limits, the block and the count of people in, in the current language, and
// the rules' pages in it too.
function hints() {
  for (const a of $('entry-terms').querySelectorAll('a')) {
    a.setAttribute('href', `${a.pathname}?lang=${currentLang()}`);
  }
  const l = state.limits;
  $('nickname-hint').textContent = t('nickname_hint', { min: l.nick_min, max: l.nick_max });
  $('nickname').maxLength = l.nick_max;
  $('age-hint').textContent = t('age_adults', { min: l.min_age });
  const ms = blockedUntil ? Date.parse(blockedUntil) - Date.now() : 0;
  const key = blockedScope === 'network' ? 'entry_blocked_network' : 'entry_blocked';
  setText($('entry-blocked'), ms > 0 ? t(key, { until: dateTime(blockedUntil) }) : '');
  setText($('entry-online'), state.online ? t('entry_online', { count: state.online }) : '');
}

/** Show the form, pre-filled once from hello; `message` (when given) goes above it. */
export function showEntry(message = null) {
  const p = state.prefill;
  hints();
  if (p && !filled) {
    const abroad = p.postal_code === 'etranger';
    $('nickname').value = p.nickname || '';
    $('age').value = p.age ?? '';
    for (const r of document.getElementsByName('gender')) r.checked = r.value === p.gender;
    $('abroad').checked = abroad;
    $('postal-code').value = abroad ? '' : p.postal_code || '';
    syncAbroad();
  }
  filled = true;
  if (message !== null) setText($('entry-error'), message);
  block(state.ageBlockedUntil, state.ageBlockedScope);
}

/**
 * Disable the form until `until` (ISO time) after an age refusal, saying what is blocked:
 * this device (for the cooling period) or, briefly, this network.
 */
function block(until, scope = 'device') {
  clearTimeout(unblockTimer);
  const ms = until ? Date.parse(until) - Date.now() : 0;
  blockedUntil = ms > 0 ? until : null;
  blockedScope = scope || 'device';
  $('entry-fields').disabled = ms > 0;
  hints();
  if (ms > 0 && ms < 2 ** 31) unblockTimer = setTimeout(() => block(until, scope), ms + 1000);
}

function fieldError(field, text) {
  const id = IDS[field];
  setText($(`error-${id.replace('-field', '')}`), text);
  if (text) $(id).setAttribute('aria-invalid', 'true');
  else $(id).removeAttribute('aria-invalid');
}

const focusField = (field) => (field === 'gender' ? document.getElementsByName('gender')[0] : $(IDS[field])).focus();

/** The site is closed to this device: say so, with the decision's code. */
export function showBan(message, code) {
  banCode = code || null;
  $('entry-ban').hidden = false;
  setText($('entry-ban-message'), message);
  setText($('entry-ban-code'), code ? t('decision_code_line', { code }) : '');
  $('entry-ban-read').hidden = $('entry-ban-appeal').hidden = !code;
  $('entry-review-open').hidden = $('entry-review').hidden = true;
  setText($('entry-review-result'), '');
  announceError(message);
}

/** This network is restricted by a decision about someone else: the truth, no detail of
 * that decision, and a review to ask for this device. */
export function showNetworkRestricted(message) {
  showBan(message, null);
  $('entry-review-open').hidden = false;
  $('entry-review-text').value = '';
}

async function sendReview() {
  const button = $('entry-review-send');
  button.disabled = true;
  try {
    const appeal = await requestReview($('entry-review-text').value.trim());
    $('entry-review').hidden = true;
    setText($('entry-review-result'), t('review_sent', { code: appeal.code }));
  } catch (e) {
    const text = e.code === 'connection_lost' ? t('err_connection') : e.message;
    setText($('entry-review-result'), text);
    announceError(text);
  } finally {
    button.disabled = false;
  }
}

async function submit(onSubmit) {
  for (const f in IDS) fieldError(f, '');
  setText($('entry-error'), '');
  $('entry-ban').hidden = true;
  const v = {
    nickname: $('nickname').value.trim(),
    age: $('age').value.trim(),
    gender: $('entry-form').elements.gender.value,
    postal_code: $('abroad').checked ? 'etranger' : $('postal-code').value.replace(/\s/g, ''),
  };
  const missing = Object.keys(IDS).filter((f) => (f === 'age' ? !/^\d{1,3}$/.test(v.age) : !v[f]));
  if (missing.length) {
    for (const f of missing) fieldError(f, t(`err_${f}_required`));
    return focusField(missing[0]);
  }
  $('enter-submit').disabled = true;
  try {
    await onSubmit({ ...v, age: Number(v.age) });
  } catch (e) {
    showEntryError(e);
  } finally {
    $('enter-submit').disabled = false;
  }
}

/** Put a refused `enter` (or `resume`) next to its field, or above the form. */
export function showEntryError(e) {
  if (e.code === 'banned') return showBan(errorText(e), e.params.decision);
  if (e.code === 'network_restricted') return showNetworkRestricted(errorText(e));
  const text = errorText(e);
  announceError(text);
  // Below the minimum age the device is blocked; a cooldown only refuses a changed age.
  if (e.code === 'age_below_minimum' && e.params.until) {
    Object.assign(state, { ageBlockedUntil: e.params.until, ageBlockedScope: 'device' });
    block(e.params.until);
  }
  // Another device of this network was just refused: the network waits a few minutes.
  if (e.code === 'age_network_cooldown' && e.params.until) block(e.params.until, 'network');
  if (IDS[e.field]) {
    fieldError(e.field, text);
    focusField(e.field);
  } else setText($('entry-error'), text);
}
