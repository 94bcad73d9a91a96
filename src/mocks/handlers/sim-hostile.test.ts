// POST /__sim/hostile: the hostile corpus planted where PBS and Proxmox VE keep each field, and PBS's (and PVE's)
// API answering with every payload's text unchanged.
import { createTestServer } from '../node';
import { simPveFetch } from '../pve/pve-fetch';
import { PVE_SIM_API } from '../pve/pve-handlers';
import { SIM_PVE_ROOT_TOKEN } from '../pve/pve-users';
import { HOSTILE_CORPUS, HOSTILE_FIELDS, payloadsOf, type HostileField } from '../sim/hostile-corpus';
import type { HostilePlacement } from '../sim/hostile-plant';
import { BASE, call, login, type Session } from './test-client';

const t = createTestServer({ handlers: { allowControl: true } });
beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => t.server.close());

interface Planted {
  planted: Record<HostileField, number>;
  total: number;
  placements: HostilePlacement[];
}

const plant = () => fetch(`${BASE}/__sim/hostile`, { method: 'POST' });
const texts = (field: HostileField) => payloadsOf(field).map((p) => p.text);
const b64 = (path: string) => Buffer.from(path, 'utf8').toString('base64');

async function data<T>(session: Session, path: string): Promise<T> {
  const r = await call('GET', path, { session });
  expect(r.status, `${path}: ${r.text.slice(0, 200)}`).toBe(200);
  return r.json!.data as T;
}

describe('the hostile corpus', () => {
  it('holds at least 60 payloads, several per field, each with a unique id, and every active one reports back', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(60);
    for (const field of HOSTILE_FIELDS) expect(payloadsOf(field).length, field).toBeGreaterThanOrEqual(3);
    expect(new Set(HOSTILE_CORPUS.map((p) => p.id)).size).toBe(HOSTILE_CORPUS.length);
    for (const p of HOSTILE_CORPUS) {
      // data: URLs hide theirs in base64; a browser reads a backslash in a URL as a slash
      const text = p.text.replace(/;base64,([A-Za-z0-9+/=]+)/g, (_, b64: string) => atob(b64));
      expect(text, p.id).toMatch(new RegExp(`(__pwned\\s*=\\s*["']${p.id}["']|[/\\\\]__pwned\\?${p.id}\\b)`));
      expect(p.text.includes(p.shown) || p.field.endsWith('notes'), p.id).toBe(true);
    }
    // file names: no path separator, no NUL; comments, owners, ids and names are one line
    for (const p of payloadsOf('file-name')) expect(p.text, p.id).not.toMatch(/[/\0]/);
    for (const p of HOSTILE_CORPUS.filter((x) => !/notes|file-name|task-log/.test(x.field)))
      expect(p.text, p.id).not.toContain('\n');
  });
});

describe('POST /__sim/hostile', () => {
  let session: Session;
  let answer: Planted;

  beforeAll(async () => {
    const r = await plant();
    expect(r.status).toBe(200);
    answer = (await r.json()) as Planted;
    session = await login('root@pam');
  });

  it('plants every payload once and counts them by field', async () => {
    expect(answer.total).toBe(HOSTILE_CORPUS.length);
    expect(answer.placements.map((p) => p.id).sort()).toEqual(HOSTILE_CORPUS.map((p) => p.id).sort());
    expect(answer.planted).toEqual({
      'datastore-comment': 3,
      'namespace-comment': 3,
      'group-comment': 6,
      'group-notes': 8,
      'snapshot-comment': 5,
      'snapshot-notes': 7,
      owner: 5,
      'worker-id': 5,
      'task-log': 7,
      'file-name': 7,
      'job-comment': 5,
      'pve-guest-name': 5,
      'pve-storage-name': 5,
    });
    // once per simulator
    const again = await plant();
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/planted already/);
  });

  it('datastores, namespaces, groups and owners carry the texts unchanged', async () => {
    const stores = await data<{ store: string; comment: string | null }[]>(session, '/admin/datastore');
    expect(stores.map((s) => s.comment)).toEqual(texts('datastore-comment'));
    const namespaces = await data<{ ns: string; comment?: string }[]>(session, '/admin/datastore/store1/namespace');
    expect(namespaces.flatMap((n) => (n.comment === undefined ? [] : [n.comment]))).toEqual(
      // listed in name order: lab, prod, prod/db
      [2, 0, 1].map((i) => texts('namespace-comment')[i]),
    );
    const groups = await data<{ 'backup-type': string; 'backup-id': string; comment?: string; owner?: string }[]>(
      session,
      '/admin/datastore/store1/groups',
    );
    const byKey = new Map(groups.map((g) => [`${g['backup-type']}/${g['backup-id']}`, g]));
    expect(['vm/102', 'vm/103', 'vm/104', 'vm/105', 'ct/111', 'ct/112'].map((k) => byKey.get(k)?.comment)).toEqual(
      texts('group-comment'),
    );
    expect(['vm/103', 'vm/104', 'vm/105', 'ct/112', 'host/pve1'].map((k) => byKey.get(k)?.owner)).toEqual(
      texts('owner'),
    );
    const notes = await data<string>(session, '/admin/datastore/store1/group-notes?backup-type=vm&backup-id=102');
    expect(notes.split('\n')[0]).toBe(texts('group-comment')[0]);
    for (const text of texts('group-notes')) expect(notes).toContain(text);
  });

  it('snapshots carry the comments and notes, and the file archive the names', async () => {
    const snapshots = await data<{ 'backup-time': number; comment?: string }[]>(
      session,
      '/admin/datastore/store1/snapshots?backup-type=vm&backup-id=102',
    );
    const newestFirst = [...snapshots].sort((a, b) => b['backup-time'] - a['backup-time']);
    expect(newestFirst.slice(0, 5).map((s) => s.comment)).toEqual(texts('snapshot-comment'));
    const time = newestFirst[0]!['backup-time'];
    const notes = await data<string>(
      session,
      `/admin/datastore/store1/notes?backup-type=vm&backup-id=102&backup-time=${time}`,
    );
    for (const text of texts('snapshot-notes')) expect(notes).toContain(text);

    const files = answer.placements.find((p) => p.field === 'file-name')!.place;
    const snap = `backup-type=ct&backup-id=110&backup-time=${files.time}`;
    const top = await data<{ text: string; type: string; filepath: string }[]>(
      session,
      `/admin/datastore/store1/catalog?${snap}&filepath=${encodeURIComponent(b64('/root.pxar.didx'))}`,
    );
    for (const p of payloadsOf('file-name'))
      expect(top.find((e) => e.text === p.text)?.type, p.id).toBe(p.entry === 'directory' ? 'd' : 'f');
    // the seed's own tree is still there beside them
    expect(top.map((e) => e.text)).toContain('etc');
    const dir = top.find((e) => e.type === 'd' && e.text === payloadsOf('file-name')[0]!.text)!;
    const inside = await data<{ text: string }[]>(
      session,
      `/admin/datastore/store1/catalog?${snap}&filepath=${encodeURIComponent(dir.filepath)}`,
    );
    expect(inside.map((e) => e.text)).toEqual(['inside.txt']);
  });

  it('tasks carry the worker ids, in their UPIDs too, and the log lines', async () => {
    // the planted tasks are the newest finished ones; a task still running at the simulator's start lists first
    const planted = answer.placements.filter((p) => p.field === 'worker-id').map((p) => p.place.upid);
    const listed = await data<{ upid: string; worker_id: string | null }[]>(session, '/nodes/localhost/tasks?limit=50');
    const tasks = listed.filter((x) => planted.includes(x.upid));
    expect(tasks.map((x) => x.worker_id)).toEqual(texts('worker-id'));
    // systemd-escaped inside the UPID: no markup, quote or space survives there
    for (const x of tasks) expect(x.upid).toMatch(/^UPID:[^<>"' ]+:$/);
    const logTask = answer.placements.find((p) => p.field === 'task-log')!.place.upid!;
    expect(logTask).toBe(tasks[0]!.upid);
    const log = await data<{ n: number; t: string }[]>(
      session,
      `/nodes/localhost/tasks/${encodeURIComponent(logTask)}/log?limit=0`,
    );
    const lines = log.map((l) => l.t.replace(/^\S+: /, ''));
    expect(lines.slice(0, -1)).toEqual(texts('task-log'));
    expect(lines.at(-1)).toBe('TASK OK');
  });

  it('jobs carry the comments', async () => {
    const verify = await data<{ comment?: string }[]>(session, '/config/verify');
    const prune = await data<{ comment?: string }[]>(session, '/config/prune');
    const sync = await data<{ comment?: string }[]>(session, '/admin/sync');
    expect([...verify, ...prune, ...sync].map((j) => j.comment)).toEqual(texts('job-comment'));
  });

  it('Proxmox VE lists the guest names and the storages', async () => {
    const pve = simPveFetch({ host: t.host, authFailDelayMs: 0, forbiddenDelayMs: 0, authFailureReasons: false });
    const get = async <T>(path: string) => {
      const r = await pve(
        new Request(`${PVE_SIM_API}${path}`, { headers: { Authorization: `PVEAPIToken=${SIM_PVE_ROOT_TOKEN}` } }),
      );
      expect(r.status, path).toBe(200);
      return ((await r.json()) as { data: T }).data;
    };
    const guests = await get<{ vmid: number; name: string }[]>('/cluster/resources?type=vm');
    const name = new Map(guests.map((g) => [g.vmid, g.name]));
    expect([102, 103, 104, 105, 112].map((id) => name.get(id))).toEqual(texts('pve-guest-name'));
    // the others keep their names
    expect(name.get(101)).toBe('web01');
    const storages = await get<{ storage: string }[]>('/nodes/pve1/storage?content=images');
    expect(storages.map((s) => s.storage)).toEqual(expect.arrayContaining(texts('pve-storage-name')));
    expect(storages.map((s) => s.storage)).toContain('local-lvm');
  });
});
