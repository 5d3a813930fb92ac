// Statements of reasons (DSA Art. 17) and how to contest them (Art. 20): the decision dialog,
// the appeal dialog and the "I have a code" lookup, usable before entering too.

import { $, h, setText } from '../dom.js';
import { t, dateTime, currentLang } from '../i18n.js';
import { invalidate } from '../render.js';
import { state } from '../state.js';
import { readDecision, fileAppeal, followAppeal } from '../casework.js';
import { announce, announceError } from '../live.js';
import { initDialog, openDialog } from './dialogs.js';

let shown = null; // the statement in the decision dialog
let appealCode = null;

const errorText = (e) => (e.code === 'connection_lost' ? t('err_connection') : e.message);

export function initStatement() {
  for (const id of ['decision-dialog', 'appeal-dialog', 'lookup-dialog']) initDialog($(id));
  $('decision-appeal').addEventListener('click', () => openAppeal(shown.code));
  $('appeal-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitAppeal();
  });
  $('open-lookup').addEventListener('click', () => {
    $('lookup-form').reset();
    setText($('lookup-error'), '');
    $('lookup-result').replaceChildren();
    openDialog($('lookup-dialog'), $('lookup-code'));
  });
  $('lookup-form').addEventListener('submit', (e) => {
    e.preventDefault();
    lookup($('lookup-code').value.trim());
  });
}

function scope(d) {
  if (!d.room) return t('scope_site');
  const room = state.rooms.find((r) => r.id === d.room);
  return t('scope_room', { name: room?.name || d.room });
}

function duration(d) {
  if (d.until) return t('decision_until', { until: dateTime(d.until) });
  return t(['warning', 'removal', 'kick'].includes(d.kind) ? 'decision_no_duration' : 'decision_indefinite');
}

const source = (d) =>
  d.source === 'own_initiative' ? t('source_own') : t('source_notice', { who: t(`notice_by_${d.notice_source}`) });

/** The article of the community rules the decision applies, as a link to it. */
function rulesLink(d) {
  const [path, anchor] = (d.rules_url || '/regles').split('#');
  const href = `${path}?lang=${currentLang()}${anchor ? `#${anchor}` : ''}`;
  const text = d.article ? t('decision_rules_article', { article: d.article }) : t('decision_rules_page');
  return h('a', { href, target: '_blank', 'data-testid': 'decision-rules' }, text);
}

/** The statement as term/description pairs, in the order the visitor needs them. */
function rows(d) {
  const out = [
    ['decision_what', t(`kind_${d.kind}`)],
    ['decision_scope', scope(d)],
    ['decision_duration', duration(d)],
    ['decision_facts', d.facts],
    ['decision_ground', d.ground],
    ['decision_rules', rulesLink(d)],
    ['decision_source', source(d)],
    ['decision_detection', t(d.automated_detection ? 'detection_automated' : 'detection_human')],
    ['decision_by', t('decided_by_person')],
    ['decision_date', dateTime(d.created_at)],
    ['decision_code', t('decision_code_value', { code: d.code, id: d.id })],
  ];
  if (d.reversed_at) out.push(['decision_reversed', dateTime(d.reversed_at)]);
  else out.push(['decision_contest', t('decision_contest_value', { until: dateTime(d.appeal_until) })]);
  return out;
}

/** An appeal and its answer, as a list item. */
export function appealItem(a) {
  return h('li', { 'data-testid': `appeal-${a.code}` },
    h('p', null, t('appeal_line', { code: a.code, status: t(`appeal_is_${a.status}`) })),
    a.answer ? h('p', { class: 'answer' }, a.answer) : null);
}

/** Show a statement (from a `sanction` event or a `decision` answer) with its appeals. */
export function showStatement(d, appeals = []) {
  shown = d;
  $('decision-body').replaceChildren(...rows(d).flatMap(([k, v]) => [h('dt', null, t(k)), h('dd', null, v)]));
  $('decision-appeals').replaceChildren(...appeals.map(appealItem));
  const open = !d.reversed_at && Date.parse(d.appeal_until) > Date.now() && !appeals.some((a) => a.status === 'pending');
  $('decision-appeal').hidden = !open;
  openDialog($('decision-dialog'), $('decision-title'));
}

/** Fetch a statement by code and show it; errors go to `errorEl`. */
export async function viewDecision(code, errorEl) {
  setText(errorEl, '');
  try {
    const ack = await readDecision(code);
    showStatement(ack.decision, ack.appeals || []);
  } catch (e) {
    setText(errorEl, errorText(e));
    announceError(errorText(e));
  }
}

/** The appeal dialog for a decision code or a rejected report's receipt. */
export function openAppeal(code) {
  appealCode = code;
  $('appeal-form').reset();
  setText($('appeal-about'), t(code.startsWith('R-') ? 'appeal_about_report' : 'appeal_about_decision', { code }));
  setText($('appeal-error'), '');
  $('appeal-fields').hidden = false;
  $('appeal-done').hidden = true;
  openDialog($('appeal-dialog'), $('appeal-text'));
}

async function submitAppeal() {
  const text = $('appeal-text').value.trim();
  setText($('appeal-error'), '');
  if (!text) return setText($('appeal-error'), t('appeal_need_text')) || $('appeal-text').focus();
  try {
    const a = await fileAppeal(appealCode, text);
    const done = t('appeal_received', { code: a.code, status: t(`appeal_is_${a.status}`) });
    $('appeal-result').textContent = done;
    $('appeal-fields').hidden = true;
    $('appeal-done').hidden = false;
    $('appeal-result').focus();
    announce(done);
    $('decision-appeal').hidden = true;
    invalidate('followup');
  } catch (e) {
    setText($('appeal-error'), errorText(e));
    announceError(errorText(e));
  }
}

async function lookup(code) {
  $('lookup-result').replaceChildren();
  if (!code) return setText($('lookup-error'), t('lookup_need_code'));
  if (!/^A-/i.test(code)) return viewDecision(code, $('lookup-error'));
  setText($('lookup-error'), '');
  try {
    $('lookup-result').append(h('ul', { class: 'appeals' }, appealItem(await followAppeal(code))));
  } catch (e) {
    setText($('lookup-error'), errorText(e));
    announceError(errorText(e));
  }
}
