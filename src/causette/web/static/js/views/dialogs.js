// Modal dialogs of notice and action: opened over the page (the rest becomes inert), Tab
// cycles inside, Escape or a [data-close] button closes, and focus goes back to the opener.

const FOCUSABLE = 'a[href], button, input, textarea, select, [tabindex="0"]';

/** Wire a <dialog> once. */
export function initDialog(dlg) {
  dlg.addEventListener('close', () => {
    const back = dlg.returnTo;
    dlg.returnTo = null;
    // The opener may be gone (a button hidden meanwhile): then the dialog below, if any.
    if (back?.isConnected && back.getClientRects().length) back.focus();
    else document.querySelector('dialog[open]')?.querySelector(FOCUSABLE)?.focus();
  });
  for (const b of dlg.querySelectorAll('[data-close]')) b.addEventListener('click', () => dlg.close());
  dlg.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dlg.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length);
    if (!items.length) return;
    const edge = e.shiftKey ? items[0] : items.at(-1);
    const at = document.activeElement;
    // A radio group is one stop: any of its radios stands for the group.
    const onEdge = at === edge || (at.type === 'radio' && edge.type === 'radio' && at.name === edge.name);
    if (onEdge || !dlg.contains(at)) {
      e.preventDefault();
      (e.shiftKey ? items.at(-1) : items[0]).focus();
    }
  });
}

/** Show `dlg` (again) and focus `focus`, or its first control. */
export function openDialog(dlg, focus = null) {
  if (!dlg.open) {
    dlg.returnTo = document.activeElement;
    dlg.showModal();
  }
  (focus || dlg.querySelector(FOCUSABLE))?.focus();
}
