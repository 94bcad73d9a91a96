/*
 * Free text other people and machines wrote (a guest's name, a comment, an owner) as the console shows it:
 * control characters as their visible pictures (␇, ␛) rather than nothing or a broken line, and a text
 * longer than any screen cut, saying how long it was.
 */

/** Past this many characters a free text is cut where it is shown; a 1 MB comment stays a line. */
export const FREE_TEXT_MAX = 500;

// C0 controls but tab and newline, and DEL: shown as the Unicode control pictures U+2400–U+2421.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

const picture = (c: string) => String.fromCharCode(c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0));

export interface ShownText {
  text: string;
  /** characters in the whole text when it was cut, else undefined */
  cutFrom?: number;
}

export function shownText(text: string, max = FREE_TEXT_MAX): ShownText {
  const cut = text.length > max;
  const shown = (cut ? text.slice(0, max) : text).replace(CONTROL, picture);
  return cut ? { text: shown, cutFrom: text.length } : { text: shown };
}
