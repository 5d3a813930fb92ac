// Signs that a private message sets up a meeting, or gives an address or a phone number
// (SAFETY.md 10). Advice only: a match shows the recipient safety tips; nothing is blocked,
// so simple patterns that sometimes fire on innocent messages are the right trade.

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const PATTERNS = [
  // French phone numbers: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78
  /(?:\+|\b00)33[\s.-]*[1-9](?:[\s.-]*\d{2}){4}|\b0[1-9](?:[\s.-]*\d{2}){4}\b/,
  // An address: a street word, or a postal code
  /\b(?:rue|avenue|av|bd|boulevard|impasse|allee)\b|\b\d{5}\b/,
  // Setting up a meeting
  /\b(?:rdv|rendez[\s-]?vous|on se voit|chez moi|chez toi)\b/,
];

/** True when `text` looks like a meeting place, an address or a phone number. */
export const looksLikeMeeting = (text) => {
  const s = fold(String(text ?? ''));
  return PATTERNS.some((re) => re.test(s));
};
