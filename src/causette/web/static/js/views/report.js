// The report dialog (DSA Art. 16): what is reported, a category, an optional explanation and
// contact, the good-faith statement; then the receipt code to follow it.

import { $, setText } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { invalidate } from '../render.js';
import { sendReport, URGENT } from '../casework.js';
import { announce, announceError } from '../live.js';
import { initDialog, openDialog } from './dialogs.js';

let target = null;

export function initReport() {
  const dlg = $('report-dialog');
  initDialog(dlg);
  $('report-categories').addEventListener('change', () => {
    setText($('report-error-category'), '');
    $('report-safety').hidden = !URGENT.has(category());
  });
  $('report-good-faith').addEventListener('change', () => setText($('report-error'), ''));
  $('report-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

const category = () => $('report-form').elements.category.value;

/**
 * Open the dialog about `what`: {message, user, room} as the protocol's report target, with
 * `about` (a line saying what is reported) and an optional preselected `category`.
 */
export function openReport(what, about, preset = '') {
  target = what;
  const form = $('report-form');
  form.reset();
  for (const r of form.elements.category) r.checked = r.value === preset;
  $('report-safety').hidden = !URGENT.has(preset);
  setText($('report-about'), about);
  setText($('report-error'), '');
  setText($('report-error-category'), '');
  $('report-fields').hidden = false;
  $('report-done').hidden = true;
  const checked = form.querySelector('[name=category]:checked');
  openDialog($('report-dialog'), checked || form.elements.category[0]);
}

async function submit() {
  setText($('report-error'), '');
  const cat = category();
  if (!cat) {
    setText($('report-error-category'), t('report_pick_category'));
    return $('report-form').elements.category[0].focus();
  }
  if (!$('report-good-faith').checked) {
    setText($('report-error'), t('report_need_good_faith'));
    return $('report-good-faith').focus();
  }
  try {
    const receipt = await sendReport(target, cat, $('report-explanation').value.trim(),
      $('report-contact').value.trim(), $('report-about').textContent);
    const done = t('report_received', { code: receipt });
    $('report-receipt').textContent = done;
    $('report-fields').hidden = true;
    $('report-done').hidden = false;
    $('report-receipt').focus();
    announce(done);
    invalidate('followup');
  } catch (e) {
    const text = errorText(e);
    setText(e.field === 'category' ? $('report-error-category') : $('report-error'), text);
    announceError(text);
  }
}
