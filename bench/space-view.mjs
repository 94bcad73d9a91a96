// The space view in the browser (demo, store1): its first paint against the React floor (a bare React page drawing
// the first rows of a fetched list, bench/react-floor), and a whole account cold (a new browser profile: every index
// file downloaded) against the same account again from this browser's cache ("Count again": none downloaded); and a
// forget dialog's figure right after that count (the held account: only the snapshot's own files read again) against
// the same dialog in a page that holds no account (the whole datastore read again from this browser's cache).
/* global document */
import path from 'node:path';
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { launch, logIn, newSession } from './browser.mjs';
import { REACT_FLOOR_PATH, distWithReactFloor } from './react-floor.mjs';
import { ratio, summarize } from './stats.mjs';

const STORE = 'store1';
const STATUS = '[role="status"]';

/** performance.now() at the first animation frame where `test` holds in the page; waits up to five minutes. */
async function frameWhen(page, test, arg) {
  const h = await page.waitForFunction(test, arg, { polling: 'raf', timeout: 300_000 });
  return h.jsonValue();
}

const statusSays = ([sel, text]) =>
  [...document.querySelectorAll(sel)].some((e) => e.textContent?.includes(text)) ? performance.now() : false;

async function reactFloorRun(browser, url, state) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.goto(`${REACT_FLOOR_PATH}?store=${STORE}`, { waitUntil: 'commit' });
  const ms = await frameWhen(page, () => (document.querySelector('[role="row"]') ? performance.now() : false));
  await context.close();
  return ms;
}

async function viewRun(browser, url, state) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.goto(`/datastores/${STORE}/space`, { waitUntil: 'commit' });
  // first paint: the heading and the account's progress
  const firstPaint = await frameWhen(page, () =>
    document.querySelector('h1')?.textContent?.startsWith('Space of') && document.querySelector('[role="status"]')
      ? performance.now()
      : false,
  );
  const cold = await frameWhen(page, statusSays, [STATUS, 'index files downloaded']);
  const from = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Count again' }).click();
  const cached = (await frameWhen(page, statusSays, [STATUS, "from this browser's cache, 0 downloaded"])) - from;
  await page
    .getByRole('navigation', { name: `Datastore ${STORE}` })
    .getByRole('link', { name: 'Content' })
    .click();
  const held = await forgetDialogFigure(page);
  // a new page of the same browser: the cache is there, no account is held
  const other = await context.newPage();
  await other.goto(`/datastores/${STORE}/content`, { waitUntil: 'commit' });
  const unheld = await forgetDialogFigure(other);
  await context.close();
  return { firstPaint, cold, cached, held, unheld };
}

/** ms from "Forget…" on vm/100's newest unprotected snapshot to the figure of what it frees. */
async function forgetDialogFigure(page) {
  const tree = page.getByRole('treegrid');
  const group = tree.getByRole('row').filter({ hasText: 'vm/100' }).and(tree.locator('[aria-level="1"]'));
  await group.waitFor();
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  const actions = tree.getByRole('button', { name: /^Actions for snapshot vm\/100\// });
  await actions.first().waitFor();
  for (let i = 0; i < 10; i++) {
    await actions.nth(i).click();
    const forget = page.getByRole('menuitem', { name: 'Forget…' });
    if ((await forget.getAttribute('aria-disabled')) === 'true') {
      await page.keyboard.press('Escape');
      continue;
    }
    const from = await page.evaluate(() => performance.now());
    await forget.click();
    const at = await frameWhen(page, () =>
      [...document.querySelectorAll('[role="status"][aria-label="What this frees"]')].some((e) =>
        e.textContent?.startsWith('Frees'),
      )
        ? performance.now()
        : false,
    );
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    return at - from;
  }
  throw new Error('no unprotected snapshot of vm/100 among the first ten');
}

export async function measureSpaceView(root, runs, track) {
  const dist = await distWithReactFloor(path.join(root, 'dist'));
  const deck = await startDeck(root, { SIM_PROFILE: 'demo', SIM_SEED: '7', DIST_DIR: dist.dir });
  track.add(deck.proc);
  const browser = await launch();
  try {
    const state = await logIn(browser, deck.url);
    const s = { floor: [], firstPaint: [], cold: [], cached: [], held: [], unheld: [] };
    for (let i = 0; i < runs; i++) {
      s.floor.push(await reactFloorRun(browser, deck.url, state));
      const r = await viewRun(browser, deck.url, state);
      s.firstPaint.push(r.firstPaint);
      s.cold.push(r.cold);
      s.cached.push(r.cached);
      s.held.push(r.held);
      s.unheld.push(r.unheld);
    }
    const floor = summarize('space view: React floor, first rows of a fetched list', 'ms', s.floor);
    const first = summarize(`space view: first paint of ${STORE} (heading and progress)`, 'ms', s.firstPaint);
    const cold = summarize(`space view: whole account of ${STORE}, cold (every index file downloaded)`, 'ms', s.cold);
    const cached = summarize(
      `space view: the same account again from this browser's cache (none downloaded)`,
      'ms',
      s.cached,
    );
    const held = summarize(
      'forget dialog: figure right after the space view (its account held: one snapshot read again)',
      'ms',
      s.held,
    );
    const unheld = summarize(
      `forget dialog: figure in a page holding no account (all of ${STORE} read again from this browser's cache)`,
      'ms',
      s.unheld,
    );
    return [
      floor,
      first,
      ratio('space view: first paint / React floor', first, floor),
      cold,
      cached,
      ratio('space view: cached / cold account', cached, cold),
      held,
      unheld,
      ratio('forget dialog: held / not held', held, unheld),
    ];
  } finally {
    await browser.close();
    await stopDeck(deck.proc);
    track.delete(deck.proc);
    dist.cleanup();
  }
}
