// What this browser keeps of notice and action, so a visitor without an account can follow it:
// the receipts of its reports, the codes of decisions about it and of its appeals
// (localStorage), and the last statuses the server gave for them.

import { request } from './actions.js';

const STORE = 'causette.casework';
const MAX = 50; // per list, newest first

/** Categories that call for the safety box (emergency numbers, Pharos, 119). */
export const URGENT = new Set(['child_abuse', 'threat']);

export const reportStatus = new Map(); // receipt -> {status, outcome} from report_status
export const appealStatus = new Map(); // appeal code -> Appeal

let lists = load();
let lastSanction = null;

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE)) || {};
    return { reports: saved.reports || [], decisions: saved.decisions || [], appeals: saved.appeals || [] };
  } catch {
    return { reports: [], decisions: [], appeals: [] };
  }
}

function keep(list, entry) {
  lists[list] = [entry, ...lists[list].filter((e) => e.code !== entry.code)].slice(0, MAX);
  try {
    localStorage.setItem(STORE, JSON.stringify(lists));
  } catch {
    /* storage unavailable: the codes are still shown once */
  }
}

/** 'reports' | 'decisions' | 'appeals': [{code, ...}], newest first. */
export const stored = (list) => lists[list];

/** File a report about `about` (the line saying what is reported); resolves with its
 * receipt code, kept with what and when for "Mes signalements". */
export async function sendReport(target, category, explanation, contact, about = '') {
  const ack = await request('report', { target, category, explanation, contact, good_faith: true });
  keep('reports', { code: ack.receipt, category, about, at: new Date().toISOString() });
  reportStatus.set(ack.receipt, { status: 'open', outcome: null });
  return ack.receipt;
}

/** Ask the server what became of the stored reports. */
export async function refreshReports() {
  const receipts = lists.reports.map((r) => r.code);
  if (!receipts.length) return;
  const ack = await request('report_status', { receipts });
  for (const r of ack.reports || []) reportStatus.set(r.receipt, r);
}

/** A `report_outcome` event: its report is closed. */
export function reportDecided(receipt, outcome) {
  reportStatus.set(receipt, { status: 'closed', outcome });
}

/** A statement received in session: keep its code to read it again later. */
export function rememberDecision(d) {
  keep('decisions', { code: d.code, kind: d.kind });
  lastSanction = d;
}

/** The last statement received in this page (the reason of a `banned` disconnect). */
export const latestSanction = () => lastSanction;

export async function readDecision(code) {
  return request('decision', { code });
}

/** Contest a decision (its code) or a rejected report (its receipt). */
export async function fileAppeal(code, text) {
  const { appeal } = await request('appeal', { code, text });
  keep('appeals', { code: appeal.code, of: code });
  appealStatus.set(appeal.code, appeal);
  return appeal;
}

/** Ask that this device be spared a network restriction; kept with the appeals. */
export async function requestReview(text) {
  const { appeal } = await request('network_review', { text });
  keep('appeals', { code: appeal.code, of: 'network' });
  appealStatus.set(appeal.code, appeal);
  return appeal;
}

export async function followAppeal(code) {
  const { appeal } = await request('appeal_status', { code });
  keep('appeals', { ...(lists.appeals.find((a) => a.code === appeal.code) || {}), code: appeal.code });
  appealStatus.set(appeal.code, appeal);
  return appeal;
}
