/**
 * The naming rule for events: `<Noun><PerformedAction>Event`, in simple past tense, because
 * an event states something that already happened (`OrderPlacedEvent`), unlike a command
 * that asks for something to happen (`PlaceOrder`).
 *
 * The check is mechanical: PascalCase words, ending in `Event`, whose word before `Event`
 * is a past-tense verb and is preceded by at least one noun word.
 */
export type EventNameCheck = { ok: true } | { ok: false; reason: string };

// Past tense is "-ed" for regular verbs; these are the irregular ones we could plausibly need.
const irregularPastTense = new Set([
  'Began',
  'Bought',
  'Brought',
  'Built',
  'Caught',
  'Chose',
  'Cut',
  'Dealt',
  'Drew',
  'Found',
  'Froze',
  'Gave',
  'Got',
  'Held',
  'Hid',
  'Kept',
  'Lent',
  'Left',
  'Lost',
  'Made',
  'Met',
  'Paid',
  'Put',
  'Quit',
  'Read',
  'Reset',
  'Sent',
  'Set',
  'Shut',
  'Sold',
  'Spent',
  'Split',
  'Took',
  'Taken',
  'Told',
  'Undone',
  'Won',
  'Withdrew',
  'Withdrawn',
  'Wrote',
  'Written',
]);

/** Is `word` (capitalised) a verb in simple past tense? */
export function isPastTense(word: string): boolean {
  return irregularPastTense.has(word) || /[a-z]ed$/.test(word);
}

export function checkEventName(name: string): EventNameCheck {
  if (!name.endsWith('Event')) {
    return { ok: false, reason: `"${name}" must end with "Event"` };
  }
  if (!/^([A-Z][a-z0-9]+)+$/.test(name)) {
    return { ok: false, reason: `"${name}" must be PascalCase words (letters and digits)` };
  }
  const words = name.slice(0, -'Event'.length).match(/[A-Z][a-z0-9]*/g) ?? [];
  const verb = words.at(-1);
  if (verb === undefined || words.length < 2) {
    return { ok: false, reason: `"${name}" needs a noun, then a past-tense verb, before "Event"` };
  }
  if (!isPastTense(verb)) {
    return { ok: false, reason: `"${name}": "${verb}" is not a verb in simple past tense (e.g. "Placed")` };
  }
  return { ok: true };
}
