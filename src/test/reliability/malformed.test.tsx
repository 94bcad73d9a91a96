// Not swept: each case alters one answer at a fixed place (a named store, group or job, the first item, a
// crafted task), so what the user sees of it does not depend on when the simulator starts.
// The malformed-data suite: every case of malformed-cases.ts met by the whole console, each its own test, each
// asserting what the user sees: the failing widget naming the field, or the unknown word in a neutral badge, and
// the rest of the page still there. The measured outcomes render the "Malformed data" section of
// docs/reliability.md, which must match (UPDATE_DOCS=1, or `npm run docs:update`, rewrites it).
import { resolve } from 'node:path';
import { giveElementsASize } from '@/test/element-size';
import { setupTestServer } from '@/test/render-app';
import { MALFORMED_CASES, type MalformedOutcome } from './malformed-cases';
import { MALFORMED_RUNS, serveAltered } from './malformed-runs';

const t = setupTestServer();
// a busy two-core machine: the first render imports the whole console, and some cases carry 100,000 items
vi.setConfig({ testTimeout: 90_000 });
giveElementsASize();

const outcomes = new Map<string, MalformedOutcome>();

describe('the console meets malformed data', () => {
  it.each(MALFORMED_CASES.map((c) => [`${c.view}, ${c.kind}: ${c.id}`, c.id]))('%s', async (_title, id) => {
    const c = MALFORMED_CASES.find((x) => x.id === id)!;
    serveAltered(t, c);
    outcomes.set(id, await MALFORMED_RUNS[id]!(t));
  });
});

afterAll(async () => {
  // a run of some cases only (-t) checks no file
  if (outcomes.size < MALFORMED_CASES.length) return;
  const { sectionCheck, RELIABILITY_DOC } = await import('./doc-sections');
  const { renderMalformedSection } = await import('./malformed-doc');
  const { committed, expected: text } = sectionCheck(
    resolve(RELIABILITY_DOC),
    'malformed',
    renderMalformedSection(outcomes),
  );
  expect(
    committed,
    'docs/reliability.md is not what the malformed-data suite measured: run `npm run docs:update` and commit the file',
  ).toBe(text);
});
