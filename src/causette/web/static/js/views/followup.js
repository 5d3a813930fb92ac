// In the settings panel: my reports with their status, the decisions about me, my appeals.
// Statuses come from the server when the panel opens and when an outcome arrives.

import { $, h, setText } from '../dom.js';
import { t, dateTime } from '../i18n.js';
import { onRender, invalidate } from '../render.js';
import { activeConv, addNotice } from '../state.js';
import {
  stored, reportStatus, appealStatus, refreshReports, reportDecided, followAppeal, rememberDecision,
} from '../casework.js';
import { announce, announceError } from '../live.js';
import { showStatement, viewDecision, openAppeal, appealItem } from './statement.js';

const REJECTED = ['rejected', 'unfounded'];

export function initFollowup() {
  onRender('followup', render);
}

/** Refresh the statuses of my reports (the settings panel opens). */
export async function refreshFollowup() {
  try {
    await refreshReports();
  } catch (e) {
    if (e.code !== 'connection_lost') setText($('casework-error'), e.message);
  }
  invalidate('followup');
}

/** A `sanction` event: keep its code and show the statement now. */
export function sanctioned(decision) {
  rememberDecision(decision);
  showStatement(decision);
  invalidate('followup');
}

// The notice that gathers the outcomes of my reports while nothing else is said after it.
let gathered = null;

/** A `report_outcome` event: one notice in the conversation gathers the outcomes that come
 * one after the other; each is also said to screen readers. */
export function reportOutcome({ receipt, outcome }) {
  reportDecided(receipt, outcome);
  const line = t('report_outcome_line', { code: receipt, status: t(`report_is_${outcome}`) });
  const c = activeConv();
  if (c) {
    if (gathered && c.items.at(-1) === gathered) {
      gathered.lines = [...gathered.lines, line];
      gathered.v = (gathered.v || 0) + 1;
    } else {
      addNotice(c, { key: 'report_outcomes_title', lines: [line], testid: 'report-outcomes' });
      gathered = c.items.at(-1);
    }
  }
  announce(line);
  invalidate('conv', 'followup');
  refreshFollowup();
}

// "R-… · Harcèlement · message de Bob : « … » · 2 décembre 2026 à 10:05 · en cours"
function reportText(r) {
  const s = reportStatus.get(r.code);
  const status = !s ? '…' : t(s.status === 'open' ? 'report_is_open' : `report_is_${s.outcome}`);
  return [r.code, t(`cat_${r.category}`), r.about, r.at && dateTime(r.at), status].filter(Boolean).join(' · ');
}

function row(testid, text, button) {
  const li = h('li', { 'data-testid': testid }, h('span', null, text));
  if (button) li.append(button);
  return li;
}

function reportRow(r) {
  const s = reportStatus.get(r.code);
  const contest = s && REJECTED.includes(s.outcome) &&
    h('button', { type: 'button', class: 'small', 'aria-label': t('contest_report_label', { code: r.code }),
      onclick: () => openAppeal(r.code) }, t('appeal_action'));
  return row(`report-${r.code}`, reportText(r), contest);
}

function decisionRow(d) {
  return row(`decision-${d.code}`, `${d.code} · ${t(`kind_${d.kind}`)}`,
    h('button', { type: 'button', class: 'small', 'aria-label': t('decision_read_label', { code: d.code }),
      onclick: () => viewDecision(d.code, $('casework-error')) }, t('decision_view')));
}

async function follow(code) {
  setText($('casework-error'), '');
  try {
    const a = await followAppeal(code);
    announce(t('appeal_line', { code: a.code, status: t(`appeal_is_${a.status}`) }));
  } catch (e) {
    setText($('casework-error'), e.message);
    announceError(e.message);
  }
  invalidate('followup');
}

function appealRow(a) {
  const known = appealStatus.get(a.code);
  const li = known ? appealItem(known) : row(`appeal-${a.code}`, a.code);
  li.append(h('button', { type: 'button', class: 'small', 'aria-label': t('appeal_follow_label', { code: a.code }),
    onclick: () => follow(a.code) }, t('appeal_follow_action')));
  return li;
}

// Small lists, rebuilt whole: focus is put back on the same button after a redraw.
function fill(list, empty, items, build) {
  const el = $(list);
  const focused = el.contains(document.activeElement) && document.activeElement.getAttribute('aria-label');
  el.replaceChildren(...items.map(build));
  $(empty).hidden = items.length > 0;
  if (focused) el.querySelector(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
}

function render() {
  fill('report-list', 'reports-empty', stored('reports'), reportRow);
  fill('decision-list', 'decisions-empty', stored('decisions'), decisionRow);
  fill('appeal-list', 'appeals-empty', stored('appeals'), appealRow);
}
