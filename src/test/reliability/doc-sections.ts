// The sections of docs/reliability.md: each suite renders the text between its own markers and checks it against
// the committed file (or, with UPDATE_DOCS=1, writes it). No imports beyond Node's, so the browser tests
// (Playwright) use it as the unit suites do.
import { readFileSync, writeFileSync } from 'node:fs';

export const RELIABILITY_DOC = 'docs/reliability.md';

export const CLOSING_NOTE =
  'Every section above is rendered by the suite it names; `npm run docs:update` rewrites them all.';

const markers = (name: string) => [`<!-- section: ${name} -->`, `<!-- /section: ${name} -->`] as const;

/** `doc` with section `name` replaced by `section`, or inserted before the closing note where it has none. */
export function withSection(doc: string, name: string, section: string): string {
  const [start, end] = markers(name);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return doc.slice(0, from) + section + doc.slice(to + end.length);
  const note = doc.indexOf(CLOSING_NOTE);
  return note >= 0 ? `${doc.slice(0, note)}${section}\n\n${doc.slice(note)}` : `${doc.trimEnd()}\n\n${section}\n`;
}

/** Every section of `doc` but `except`, by name, with its markers. */
export function sectionsOf(doc: string, except: string): [string, string][] {
  const found: [string, string][] = [];
  for (const m of doc.matchAll(/<!-- section: ([\w-]+) -->/g)) {
    const name = m[1] ?? '';
    const end = markers(name)[1];
    const to = doc.indexOf(end, m.index);
    if (name !== except && to > m.index) found.push([name, doc.slice(m.index, to + end.length)]);
  }
  return found;
}

/**
 * The committed file and what it should be with `name`'s section as `section`; with UPDATE_DOCS set, the file is
 * rewritten first (so both are equal). The caller asserts the two are equal, naming its suite.
 */
export function sectionCheck(file: string, name: string, section: string): { committed: string; expected: string } {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: the comparison says so
  }
  const expected = withSection(committed, name, section);
  if (process.env.UPDATE_DOCS) {
    writeFileSync(file, expected);
    committed = expected;
  }
  return { committed, expected };
}
