// The entry form: nickname, age, gender, postal code (or abroad). The server decides; this
// only shows hints, checks that the fields are filled, and puts each error by its field.

import { $, setText } from '../dom.js';
import { t, dateTime } from '../i18n.js';
import { state } from '../state.js';
import { announceError } from '../live.js';

const FIELD_IDS = { nickname: 'nickname', age: 'age', gender: 'gender', postal_code: 'postal-code' };
let submitHandler = null;
let filled = false;
let unblockTimer = 0;

export function initEntry(onSubmit) {
  submitHandler = onSubmit;
  $('abroad').addEventListener('change', syncAbroad);
  $('entry-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

function syncAbroad() {
  $('postal-code').disabled = $('abroad').checked;
}

/** Show the entry screen, pre-filled once from hello, with an optional general message. */
export function showEntry(message = '') {
  $('entry-screen').hidden = false;
  $('chat-screen').hidden = true;
  $('nickname-hint').textContent = t('nickname_hint', { min: state.limits.nick_min, max: state.limits.nick_max });
  $('age').min = 1;
  const p = state.prefill;
  if (p && !filled && !$('nickname').value) {
    $('nickname').value = p.nickname || '';
    $('age').value = p.age ?? '';
    const radio = document.querySelector(`input[name=gender][value="${CSS.escape(p.gender || '')}"]`);
    if (radio) radio.checked = true;
    $('abroad').checked = p.postal_code === 'etranger';
    $('postal-code').value = p.postal_code === 'etranger' ? '' : p.postal_code || '';
    syncAbroad();
  }
  filled = true;
  setText($('entry-error'), message);
  block(state.ageBlockedUntil);
}

/** Disable the form until `until` (ISO time) after an age refusal; null lifts the block. */
function block(until) {
  clearTimeout(unblockTimer);
  const ms = until ? Date.parse(until) - Date.now() : 0;
  const blocked = ms > 0;
  $('entry-fields').disabled = blocked;
  setText($('entry-blocked'), blocked ? t('entry_blocked', { until: dateTime(until) }) : '');
  if (blocked && ms < 2 ** 31) unblockTimer = setTimeout(() => block(null), ms + 1000);
}

function fieldError(field, text) {
  const id = FIELD_IDS[field];
  const err = $(`error-${id}`);
  setText(err, text);
  const target = field === 'gender' ? $('gender-field') : $(id);
  if (text) target.setAttribute('aria-invalid', 'true');
  else target.removeAttribute('aria-invalid');
}

function clearErrors() {
  for (const f of Object.keys(FIELD_IDS)) fieldError(f, '');
  setText($('entry-error'), '');
}

function focusField(field) {
  const el = field === 'gender' ? document.querySelector('input[name=gender]') : $(FIELD_IDS[field]);
  el?.focus();
}

async function submit() {
  clearErrors();
  const abroad = $('abroad').checked;
  const values = {
    nickname: $('nickname').value.trim(),
    age: $('age').value.trim(),
    gender: $('entry-form').elements.gender.value,
    postal_code: abroad ? 'etranger' : $('postal-code').value.replace(/\s/g, ''),
  };
  const missing = {
    nickname: !values.nickname && 'err_nickname_required',
    age: !/^\d{1,3}$/.test(values.age) && 'err_age_required',
    gender: !values.gender && 'err_gender_required',
    postal_code: !values.postal_code && 'err_postal_required',
  };
  const bad = Object.keys(missing).filter((f) => missing[f]);
  if (bad.length) {
    for (const f of bad) fieldError(f, t(missing[f]));
    focusField(bad[0]);
    return;
  }
  values.age = Number(values.age);
  const button = $('enter-submit');
  button.disabled = true;
  try {
    await submitHandler(values);
  } catch (e) {
    showEntryError(e);
  } finally {
    button.disabled = false;
  }
}

/** Put a refused `enter` next to its field, or above the form. */
export function showEntryError(e) {
  const text = e.code === 'connection_lost' ? t('err_connection') : e.message;
  announceError(text);
  // Below the minimum age the device is blocked; a cooldown only refuses a changed age.
  if (e.code === 'age_below_minimum' && e.params?.until) {
    state.ageBlockedUntil = e.params.until;
    block(e.params.until);
  }
  if (e.field && FIELD_IDS[e.field]) {
    fieldError(e.field, text);
    focusField(e.field);
  } else setText($('entry-error'), text);
}
