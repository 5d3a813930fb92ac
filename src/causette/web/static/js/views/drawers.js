// On narrow screens the room list and the people list are drawers over the conversation,
// opened by buttons in the top bar. Escape or the backdrop closes them; focus returns.

import { $ } from '../dom.js';

const narrow = matchMedia('(max-width: 699.98px)');
const DRAWERS = { rooms: 'open-rooms', people: 'open-people' };
let opened = null;

export function initDrawers() {
  for (const [drawer, button] of Object.entries(DRAWERS)) {
    $(button).addEventListener('click', () => (opened === drawer ? closeDrawers() : openDrawer(drawer)));
  }
  $('backdrop').addEventListener('click', () => closeDrawers());
  for (const b of document.querySelectorAll('[data-close-drawer]')) b.addEventListener('click', () => closeDrawers(true));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && opened && !document.querySelector('dialog[open]')) closeDrawers(true);
  });
  narrow.addEventListener('change', () => closeDrawers());
}

export function openDrawer(drawer) {
  if (!narrow.matches) return;
  closeDrawers();
  opened = drawer;
  $(drawer).classList.add('open');
  $(DRAWERS[drawer]).setAttribute('aria-expanded', 'true');
  $('backdrop').hidden = false;
  $('conversation').inert = true;
  $(drawer).querySelector('ul button, input')?.focus();
}

/** Close the open drawer; `refocus` puts focus back on its button. */
export function closeDrawers(refocus = false) {
  if (!opened) return;
  const drawer = opened;
  opened = null;
  $(drawer).classList.remove('open');
  $(DRAWERS[drawer]).setAttribute('aria-expanded', 'false');
  $('backdrop').hidden = true;
  $('conversation').inert = false;
  if (refocus) $(DRAWERS[drawer]).focus();
}
