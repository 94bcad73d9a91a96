// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOURS, escapeXml, renderBadge, textWidth } from './badge-svg.ts';
import { request, startDeck, type Running } from '../test-utils.ts';
import { nextQuietNoon, testStartTime } from '@/mocks/sim/test-start';

const DAY = 86_400;

/** What a badge says: its accessible name, hover text and the colour of its state part. */
function read(svg: string) {
  return {
    name: /aria-label="([^"]*)"/.exec(svg)?.[1],
    title: /<title>(.*?)<\/title>/.exec(svg)?.[1] ?? '',
    colour: [...svg.matchAll(/fill="(#[0-9a-f]{6})"/g)][1]?.[1],
  };
}

// Badges rendered by the deck server from the simulator's state, read with its read-only token.
describe('status badges from the simulator', { timeout: 60_000 }, () => {
  let deck: Running;
  const sim = async (path: string, body: unknown) => {
    const res = await request(`${deck.url}/__sim/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  };
  const badge = async (path: string) => {
    const res = await request(`${deck.url}/badge/${path}`);
    return { ...res, ...read(res.text) };
  };
  let session: { ticket: string; CSRFPreventionToken: string };
  const asRoot = (path: string, body: string) =>
    request(`${deck.url}/api2/json${path}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        csrfpreventiontoken: session.CSRFPreventionToken,
        cookie: `PBSAuthCookie=${encodeURIComponent(session.ticket)}`,
      },
    });

  beforeAll(async () => {
    deck = await startDeck({ SIM_SEED: '7' });
  }, 120_000);
  afterAll(() => deck?.close());
  beforeEach(async () => {
    // From testStartTime(), on to the next Wednesday midday: the stories below run over the days of one week
    // (offsite's verify job runs on Sundays at 06:00), whenever the simulator started.
    await sim('reset', { seed: 7, profile: 'demo', startTime: testStartTime() });
    const { now } = (await (await fetch(`${deck.url}/__sim/clock`)).json()) as { now: number };
    await sim('clock', { set: nextQuietNoon(now, 3) });
    const login = await request(`${deck.url}/api2/json/access/ticket`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=root%40pam&password=demo',
    });
    session = (JSON.parse(login.text) as { data: typeof session }).data;
  }, 60_000);

  it('shows ok for a healthy datastore and failing after a failed verify, cacheable for a minute, without a login', async () => {
    const ok = await badge('datastore/offsite.svg');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('max-age=60');
    expect(ok.name).toBe('offsite: ok');
    expect(ok.colour).toBe(BADGE_COLOURS.ok);

    // a verify of store1 that meets corrupt chunks
    await sim('faults', { corruptChunks: { store: 'store1', count: 5 } });
    const started = await asRoot('/admin/datastore/store1/verify', 'ignore-verified=false');
    expect(started.status).toBe(200);
    await sim('clock', { advance: 6 * 3600 });
    const failing = await badge('datastore/store1.svg');
    expect(failing.name).toBe('store1: failing');
    expect(failing.title).toContain('a verify failed in the last 7 days');
    expect(failing.colour).toBe(BADGE_COLOURS.failing);
    const overview = await badge('overview.svg');
    expect(overview.name).toBe('backups: failing');
    expect(overview.title).toContain('store1: failing');
  });

  it('shows failing for a datastore that is not available', async () => {
    await sim('faults', { failDatastore: { store: 'offsite', message: 'datastore lookup failed: EIO' } });
    const b = await badge('datastore/offsite.svg');
    expect(b.name).toBe('offsite: failing');
    expect(b.title).toContain('datastore not available: datastore lookup failed: EIO');
  });

  it('shows full when no space is left', async () => {
    await sim('faults', { fullDisk: { store: 'offsite' } });
    const b = await badge('datastore/offsite.svg');
    expect(b.name).toBe('offsite: full');
    expect(b.title).toContain('no space left');
    expect(b.colour).toBe(BADGE_COLOURS.full);
  });

  it('shows failing once a verify finds corrupt chunks, and ok again a week later', async () => {
    // Wednesday noon; offsite's verify job runs on Sundays at 06:00.
    await sim('faults', { corruptChunks: { store: 'offsite', count: 5 } });
    await sim('clock', { advance: 5 * DAY });
    expect((await badge('datastore/offsite.svg')).name).toBe('offsite: failing');
    await sim('clock', { advance: 8 * DAY });
    expect((await badge('datastore/offsite.svg')).name).toBe('offsite: ok');
  });

  it('shows warning when the last verify is more than 30 days old', async () => {
    expect((await asRoot('/config/verify', 'id=once&store=archive')).status).toBe(200);
    expect((await asRoot('/admin/verify/once/run', '')).status).toBe(200);
    await sim('clock', { advance: 600 });
    expect((await badge('datastore/archive.svg')).name).toBe('archive: ok');
    await sim('clock', { advance: 31 * DAY });
    const b = await badge('datastore/archive.svg');
    expect(b.name).toBe('archive: warning');
    expect(b.title).toContain('last verify more than 30 days ago');
    expect(b.colour).toBe(BADGE_COLOURS.warning);
  });

  it('answers 404 for an unknown datastore or badge, and 405 for writes', async () => {
    const unknown = await badge('datastore/nope.svg');
    expect(unknown.status).toBe(404);
    expect(unknown.name).toBe('nope: unknown datastore');
    expect((await request(deck.url, { path: '/badge/datastore/a%2F..%2Fb.svg' })).status).toBe(404);
    expect((await request(deck.url, { path: '/badge/other.svg' })).status).toBe(404);
    expect((await request(`${deck.url}/badge/overview.svg`, { method: 'POST' })).status).toBe(405);
  });
});

describe('badges turned off', () => {
  let deck: Running;
  beforeAll(async () => {
    deck = await startDeck({ SIM_SEED: '7', BADGES: 'off' });
  }, 120_000);
  afterAll(() => deck?.close());

  it('answers 404 with BADGES=off', async () => {
    const res = await request(`${deck.url}/badge/overview.svg`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('BADGES=off');
  });
});

describe('badge SVG', () => {
  it('escapes every text and sizes the parts to their text', () => {
    const svg = renderBadge({ label: 'a<b>&"c\'', value: 'ok', tone: 'ok', title: '</title><script>x</script>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('a<b>');
    expect(svg).toContain('a&#60;b&#62;&#38;&#34;c&#39;');
    expect(escapeXml('<&>')).toBe('&#60;&#38;&#62;');
    expect(textWidth('mmmm')).toBeGreaterThan(textWidth('iiii') * 2);
    const narrow = /width="(\d+)"/.exec(renderBadge({ label: 'x', value: 'ok', tone: 'ok', title: '' }))![1];
    const wide = /width="(\d+)"/.exec(
      renderBadge({ label: 'a long datastore name', value: 'failing', tone: 'failing', title: '' }),
    )![1];
    expect(Number(wide)).toBeGreaterThan(Number(narrow) + 100);
  });
});
