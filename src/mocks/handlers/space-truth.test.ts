// The space engine (src/lib/space) fed with the index files the simulator serves through PBS's `download` call,
// against the simulator's ground truth computed from its chunk model: every figure equal, chunks and bytes.
import { createTestServer } from '../node';
import { SpaceEngine } from '@/lib/space/engine';
import { spaceReport } from '@/lib/space/report';
import { selectionSpace } from '@/lib/space/selection';
import { SnapshotGoneError, type SnapshotInput } from '@/lib/space/types';
import type { SpaceTruth, TruthSnapshot } from '../sim/simulator';
import { BASE, login, type Session } from './test-client';

const t = createTestServer({ speed: 0 });
let admin: Session;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
});
afterAll(() => t.server.close());

async function get(path: string): Promise<Response> {
  return fetch(`${BASE}/api2/json${path}`, {
    headers: { Cookie: `PBSAuthCookie=${encodeURIComponent(admin.ticket)}` },
  });
}

async function json<T>(path: string): Promise<T> {
  const r = await get(path);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { data: T }).data;
}

interface Listed {
  'backup-type': string;
  'backup-id': string;
  'backup-time': number;
  owner: string;
  files: { filename: string }[];
  size?: number;
}

/** Every snapshot of the store as the console would list it, its index files downloaded when the engine reads. */
async function inputs(store: string): Promise<SnapshotInput[]> {
  const namespaces = await json<{ ns: string }[]>(`/admin/datastore/${store}/namespace`);
  const out: SnapshotInput[] = [];
  for (const { ns } of namespaces) {
    const q = ns ? `?ns=${encodeURIComponent(ns)}` : '';
    for (const s of await json<Listed[]>(`/admin/datastore/${store}/snapshots${q}`)) {
      // a backup still being written has no manifest yet: listed without a size, its files not all there
      if (s.size === undefined) continue;
      const ref = { ns, type: s['backup-type'], id: s['backup-id'], time: s['backup-time'], owner: s.owner };
      const names = s.files.map((f) => f.filename).filter((f) => /\.[fd]idx$/.test(f));
      const query = (name: string) =>
        `backup-type=${ref.type}&backup-id=${ref.id}&backup-time=${ref.time}&file-name=${name}` +
        (ns ? `&ns=${encodeURIComponent(ns)}` : '');
      out.push({
        ...ref,
        async *files() {
          for (const name of names) {
            const r = await get(`/admin/datastore/${store}/download?${query(name)}`);
            if (r.status === 404) throw new SnapshotGoneError(name);
            if (r.status !== 200) throw new Error(`${name}: ${r.status} ${await r.text()}`);
            yield { name, data: new Uint8Array(await r.arrayBuffer()) };
          }
        },
      });
    }
  }
  return out;
}

const inNs = (ns: string) => (s: { ns: string }) => ns === '' || s.ns === ns || s.ns.startsWith(`${ns}/`);
const space = (x: { chunks: number; bytes: number }) => ({ chunks: x.chunks, bytes: x.bytes });

describe.each(['store1', 'offsite', 'archive'])('engine over downloaded index files of %s', (store) => {
  let truth: SpaceTruth;
  let engine: SpaceEngine;

  beforeAll(async () => {
    truth = t.sim.spaceTruth(store);
    engine = new SpaceEngine(await inputs(store));
    await engine.run();
  }, 120_000);

  it('reads every finished snapshot the model holds', () => {
    const report = spaceReport(engine);
    expect(report.datastore.skipped).toEqual([]);
    expect(report.snapshots.length).toBe(truth.snapshots.length);
    expect(report.datastore.sizeConflicts).toBe(0);
    expect(space(report.datastore.distinct)).toEqual(truth.set(() => true).distinct);
  });

  it("gives every snapshot's distinct, added and unique chunks and bytes exactly", () => {
    const key = (s: { ns: string; type: string; id: string; time: number }) => `${s.ns}|${s.type}/${s.id}/${s.time}`;
    const got = new Map(spaceReport(engine).snapshots.map((s) => [key(s), s]));
    const want = truth.perSnapshot();
    expect(want.length).toBeGreaterThan(50);
    for (const w of want) {
      const s = got.get(key(w));
      expect({
        at: key(w),
        distinct: s && space(s.distinct),
        added: s && space(s.added),
        unique: s && space(s.unique),
      }).toEqual({ at: key(w), distinct: w.distinct, added: w.added, unique: w.unique });
    }
    // the model's chunks really dedup: most snapshots add little, and some chunks belong to one snapshot only
    expect(want.some((w) => w.added.chunks < w.distinct.chunks / 5)).toBe(true);
    expect(want.some((w) => w.unique.chunks > 0)).toBe(true);
  });

  it("gives every group's, namespace's and owner's distinct, unique and shared space exactly", () => {
    const report = spaceReport(engine);
    for (const g of report.groups) {
      const want = truth.set((s) => s.ns === g.ns && s.type === g.type && s.id === g.id);
      expect({ group: `${g.ns}|${g.type}/${g.id}`, d: g.distinct, u: g.unique, s: g.shared }).toEqual({
        group: `${g.ns}|${g.type}/${g.id}`,
        d: want.distinct,
        u: want.unique,
        s: want.shared,
      });
    }
    for (const n of report.namespaces) {
      const want = truth.set(inNs(n.ns));
      expect({ ns: n.ns, d: n.distinct, u: n.unique, s: n.shared }).toEqual({
        ns: n.ns,
        d: want.distinct,
        u: want.unique,
        s: want.shared,
      });
    }
    expect(report.owners.length).toBeGreaterThan(0);
    for (const o of report.owners) {
      const want = truth.set((s) => s.owner === o.owner);
      expect({ owner: o.owner, d: o.distinct, u: o.unique, s: o.shared }).toEqual({
        owner: o.owner,
        d: want.distinct,
        u: want.unique,
        s: want.shared,
      });
    }
  });

  it('gives a selection of snapshots across groups exactly', async () => {
    // every third snapshot of every group, and each group's newest
    const chosen = new Set<string>();
    const byGroup = new Map<string, TruthSnapshot[]>();
    for (const s of truth.snapshots) {
      const k = `${s.ns}|${s.type}/${s.id}`;
      byGroup.set(k, [...(byGroup.get(k) ?? []), s]);
    }
    for (const list of byGroup.values())
      list.forEach((s, i) => {
        if (i % 3 === 1 || i === list.length - 1) chosen.add(`${s.ns}|${s.type}/${s.id}/${s.time}`);
      });
    const pick = (s: { ns: string; type: string; id: string; time: number }) =>
      chosen.has(`${s.ns}|${s.type}/${s.id}/${s.time}`);
    const got = await selectionSpace(engine, pick);
    const want = truth.set(pick);
    expect(got.snapshots).toBe(want.snapshots);
    expect({ d: got.distinct, u: got.unique, s: got.shared }).toEqual({
      d: want.distinct,
      u: want.unique,
      s: want.shared,
    });
    expect(want.unique.chunks).toBeGreaterThan(0);
    expect(want.shared.chunks).toBeGreaterThan(0);
  });
});
