// Screen-reader announcements: new messages of the active conversation (polite) and errors
// (assertive). Visible error text lives next to its control; this only speaks it.

function speak(id, text) {
  if (!text) return;
  const el = document.getElementById(id);
  const p = document.createElement('p');
  p.textContent = text;
  el.append(p); // only additions are read, so a repeated text is read again
  while (el.childElementCount > 3) el.firstElementChild.remove();
}

export const announce = (text) => speak('live-messages', text);
export const announceError = (text) => speak('live-errors', text);
