// Space accounting (src/lib/space): index parsing against a plain copy of the same bytes, a whole account of the
// demo profile and of one 1000-snapshot group of the large profile against downloading their index files alone,
// and the engine's memory per distinct chunk. The engine is TypeScript: bench/space-entry.ts is bundled with
// rolldown (vite's own bundler, with vite.config.ts's `@` alias) into a temporary directory and imported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { call, login, stores as listStores } from './api.mjs';
import { count, ratio, repeat, summarize } from './stats.mjs';

const MiB = 1024 * 1024;
const HEADER = 4096;
const FIXED_MAGIC = [47, 127, 65, 237, 145, 253, 15, 205];
const DYNAMIC_MAGIC = [28, 145, 78, 165, 25, 186, 179, 205];
const PARSE_BYTES = 64 * MiB;
const STREAM_PIECE = 64 * 1024;
/** what the timed download passes of one account may take, about */
const PASSES_MS = 60_000;

export async function loadSpaceEngine(root) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pbs-deck-bench-space-'));
  try {
    const file = path.join(dir, 'space-entry.mjs');
    await build({
      input: path.join(root, 'bench', 'space-entry.ts'),
      platform: 'node',
      resolve: { alias: { '@': path.join(root, 'src') } },
      logLevel: 'warn',
      output: { file, format: 'esm' },
    });
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic digests (mulberry32), so every run parses and counts the same bytes. */
function fillRandom(bytes, seed) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let a = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    words[i] = (t ^ (t >>> 14)) >>> 0;
  }
}

function writeU64(view, at, value) {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

/** A `.fidx` of `chunks` distinct 4 MiB chunks (pbs-formats.md §1). */
function fidxFile(chunks, seed) {
  const file = new Uint8Array(HEADER + 32 * chunks);
  fillRandom(file.subarray(HEADER), seed);
  file.set(FIXED_MAGIC);
  const view = new DataView(file.buffer);
  writeU64(view, 64, chunks * 4 * MiB);
  writeU64(view, 72, 4 * MiB);
  return file;
}

/** A `.didx` of `chunks` distinct chunks of 64 KiB to 4 MiB (pbs-formats.md §2). */
function didxFile(chunks, seed) {
  const file = new Uint8Array(HEADER + 40 * chunks);
  fillRandom(file.subarray(HEADER), seed);
  file.set(DYNAMIC_MAGIC);
  const view = new DataView(file.buffer);
  let end = 0;
  for (let i = 0; i < chunks; i++) {
    end += 64 * 1024 + ((i * 7919) % (4 * MiB - 64 * 1024));
    writeU64(view, HEADER + 40 * i, end);
  }
  return file;
}

const timed = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/**
 * 1. readIndexFile + forEachChunk, and the streaming reader, against a copy of the same bytes into a buffer allocated
 * once (memory bandwidth). bytes.slice() is shown too, but is no floor: a fresh 64 MiB buffer costs its page faults,
 * which on this kind of machine is slower than parsing.
 */
async function measureParsing(lib, runs) {
  const results = [];
  const files = [
    ['.fidx', 'fixed', fidxFile(PARSE_BYTES / 32, 1)],
    ['.didx', 'dynamic', didxFile(Math.floor(PARSE_BYTES / 40), 2)],
  ];
  let sink = 0;
  const visit = (bytes, at, size) => {
    sink += size + bytes[at];
  };
  for (const [ext, kind, bytes] of files) {
    const name = `bench${ext}`;
    const target = new Uint8Array(bytes.length);
    const copy = () => target.set(bytes);
    const slice = () => {
      sink += bytes.slice()[bytes.length - 1];
    };
    const parse = () => lib.readIndexFile(bytes, name, kind).forEachChunk(visit);
    const stream = () => {
      const reader = new lib.IndexStreamReader(visit, name, kind);
      for (let at = 0; at < bytes.length; at += STREAM_PIECE) reader.feed(bytes.subarray(at, at + STREAM_PIECE));
      reader.end();
    };
    for (const fn of [copy, slice, parse, stream]) fn(); // warm-up: the JIT, and the first touch of the pages
    const samples = await repeat(runs, () => ({
      copy: timed(copy),
      slice: timed(slice),
      parse: timed(parse),
      stream: timed(stream),
    }));
    const mib = bytes.length / MiB;
    const ms = (key) =>
      summarize(
        key,
        'ms',
        samples.map((s) => s[key]),
      );
    const rate = (key, label, extra) =>
      summarize(
        label,
        'MiB/s',
        samples.map((s) => mib / (s[key] / 1000)),
        extra,
        0,
      );
    const chunks = lib.readIndexFile(bytes, name, kind).chunkCount;
    const what = `a ${mib.toFixed(0)} MiB ${ext} of ${chunks} chunks`;
    const floor = rate('copy', `space: floor, copy ${what} into a buffer allocated once (target.set(bytes))`);
    results.push(
      floor,
      rate('slice', `space: copy ${what} into a new buffer (bytes.slice(), not a floor)`),
      rate('parse', `space: parse ${what} (readIndexFile + forEachChunk)`, { floor: floor.value }),
      ratio(`space: parse ${ext} / copy, time`, ms('parse'), ms('copy')),
      rate('stream', `space: parse ${what} in 64 KiB pieces (IndexStreamReader)`, { floor: floor.value }),
      ratio(`space: streamed parse ${ext} / copy, time`, ms('stream'), ms('copy')),
    );
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the visits from being optimised away');
  return results;
}

/** 4. The engine's typed arrays over 2^20 distinct chunks (four snapshots of 2^18), grown and sized from a hint. */
async function measureMemory(lib) {
  const results = [];
  const files = [0, 1, 2, 3].map((k) => fidxFile(2 ** 18, 100 + k));
  for (const [how, expectedChunks] of [
    ['grown from the default size', undefined],
    ['sized from a hint (expectedChunks = 2^20)', 2 ** 20],
  ]) {
    const snapshots = files.map((data, k) => ({
      ns: '',
      type: 'vm',
      id: String(100 + k),
      time: 1,
      owner: 'root@pam',
      files: () => [{ name: 'drive-scsi0.img.fidx', data }],
    }));
    const engine = new lib.SpaceEngine(snapshots, { expectedChunks });
    await engine.run();
    const distinct = lib.spaceReport(engine).datastore.distinct.chunks;
    results.push(
      count(
        `space: memory, engine bytes per distinct chunk, ${distinct} distinct chunks, ${how}`,
        'B/chunk',
        Number((engine.table.allocatedBytes / distinct).toFixed(1)),
      ),
    );
  }
  return results;
}

/** PBS's download of one file as stored (GET …/download), the whole body. */
async function download(url, auth, store, s, name) {
  const q = new URLSearchParams({
    'backup-type': s.type,
    'backup-id': s.id,
    'backup-time': String(s.time),
    'file-name': name,
  });
  if (s.ns) q.set('ns', s.ns);
  const res = await fetch(`${url}/api2/json/admin/datastore/${store}/download?${q}`, {
    headers: { cookie: auth.cookie },
  });
  if (!res.ok) {
    const text = await res.text();
    throw Object.assign(new Error(`${store}/${s.type}/${s.id}/${s.time}/${name}: HTTP ${res.status} ${text}`), {
      status: res.status,
    });
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** The finished snapshots of one listing, each with the names of its index files. */
async function listSnapshots(url, auth, store, ns, query = '') {
  const q = new URLSearchParams(query);
  if (ns) q.set('ns', ns);
  const r = await call(url, auth, 'GET', `/admin/datastore/${store}/snapshots?${q}`);
  if (r.status !== 200) throw new Error(`snapshots of ${store}: HTTP ${r.status} ${r.text}`);
  // a backup still being written has no manifest yet: listed without a size, its index files not all there
  return r.data
    .filter((s) => s.size !== undefined)
    .map((s) => ({
      ns,
      type: s['backup-type'],
      id: s['backup-id'],
      time: s['backup-time'],
      owner: s.owner,
      size: s.size,
      names: s.files.map((f) => f.filename).filter((f) => /\.[fd]idx$/.test(f)),
    }));
}

/** Floor: every index file downloaded, one after the other, bytes only; `keep` collects them per snapshot. */
async function downloadAll(url, auth, sets, keep) {
  let bytes = 0;
  for (const { store, snapshots } of sets)
    for (const s of snapshots)
      for (const name of s.names) {
        const data = await download(url, auth, store, s, name);
        bytes += data.length;
        if (keep) keep.set(s, [...(keep.get(s) ?? []), { name, data }]);
      }
  return bytes;
}

/** An engine per store sized from a hint of exactly its distinct chunks, fed from memory: its bytes per chunk. */
async function hintedMemory(lib, sets, kept, accounts) {
  const out = [];
  for (const { store, snapshots } of sets) {
    const distinct = accounts.find((x) => x.store === store)?.report.datastore.distinct.chunks ?? 0;
    if (distinct === 0) continue;
    const inputs = snapshots.map((s) => ({
      ...s,
      files: () => (kept.get(s) ?? []).filter((f) => f.data.length > HEADER),
    }));
    const engine = new lib.SpaceEngine(inputs, { expectedChunks: distinct });
    await engine.run();
    out.push({ store, distinct, per: Number((engine.table.allocatedBytes / distinct).toFixed(1)) });
  }
  return out;
}

/**
 * The same downloads fed to one engine per store, then its report. A file of its header alone holds no chunk (an
 * empty archive, or a model that lists no digests yet): it is counted and not fed, as a fixed index whose header
 * names an image size would not read.
 */
async function accountAll(lib, url, auth, sets) {
  const stores = [];
  for (const { store, snapshots } of sets) {
    let headerOnly = 0;
    const inputs = snapshots.map((s) => ({
      ns: s.ns,
      type: s.type,
      id: s.id,
      time: s.time,
      owner: s.owner,
      async *files() {
        for (const name of s.names) {
          const data = await download(url, auth, store, s, name);
          if (data.length === HEADER) headerOnly++;
          else yield { name, data };
        }
      },
    }));
    const engine = new lib.SpaceEngine(inputs);
    await engine.run();
    const report = lib.spaceReport(engine);
    if (report.datastore.skipped.length) throw new Error(`${store}: ${report.datastore.skipped.length} skipped`);
    stores.push({ store, engine, report, headerOnly });
  }
  return stores;
}

const elapsed = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/**
 * Floor and account, alternated (ABBA), after one untimed download of everything (the simulator builds each file
 * once). That first pass also bounds the runs: at most `runs`, fewer when the timed passes would take over PASSES_MS.
 */
async function timeAccount(lib, url, auth, sets, runs, label) {
  let indexBytes = 0;
  const kept = new Map();
  const first = await elapsed(async () => {
    indexBytes = await downloadAll(url, auth, sets, kept);
  });
  const n = Math.max(1, Math.min(runs, Math.floor(PASSES_MS / (2 * first))));
  let last;
  const samples = await repeat(n, async (i) => {
    const floorPass = () => elapsed(() => downloadAll(url, auth, sets));
    const accountPass = () =>
      elapsed(async () => {
        last = await accountAll(lib, url, auth, sets);
      });
    if (i % 2) {
      const account = await accountPass();
      return { account, floor: await floorPass() };
    }
    const floor = await floorPass();
    return { floor, account: await accountPass() };
  });
  const floor = summarize(
    `space: floor, ${label}: download every index file, bytes only`,
    'ms',
    samples.map((s) => s.floor),
    {},
    0,
  );
  const account = summarize(
    `space: account of ${label}: the same downloads fed to one engine per datastore, then spaceReport`,
    'ms',
    samples.map((s) => s.account),
    { floor: floor.value },
    0,
  );
  const sum = (f) => last.reduce((n, x) => n + f(x), 0);
  const files = sets.reduce((n, x) => n + x.snapshots.reduce((m, s) => m + s.names.length, 0), 0);
  const results = [
    floor,
    account,
    ratio(`space: account of ${label} / floor`, account, floor),
    count(`space: ${label}: datastores`, 'stores', sets.length),
    count(
      `space: ${label}: snapshots read`,
      'snapshots',
      sum((x) => x.report.datastore.snapshots),
    ),
    count(`space: ${label}: index files`, 'files', files),
    count(
      `space: ${label}: index files of their header alone (no chunk)`,
      'files',
      sum((x) => x.headerOnly),
    ),
    count(`space: ${label}: index bytes downloaded per pass`, 'B', indexBytes),
    count(
      `space: ${label}: distinct chunks (summed over datastores)`,
      'chunks',
      sum((x) => x.report.datastore.distinct.chunks),
    ),
  ];
  const hinted = await hintedMemory(lib, sets, kept, last);
  for (const { store, engine, report } of last) {
    const distinct = report.datastore.distinct.chunks;
    if (distinct === 0) continue;
    const per = Number((engine.table.allocatedBytes / distinct).toFixed(1));
    results.push(
      count(
        `space: memory, ${label}, ${store}: engine bytes per distinct chunk (${distinct} distinct, grown from the default size)`,
        'B/chunk',
        per,
      ),
    );
    const h = hinted.find((x) => x.store === store);
    if (h)
      results.push(
        count(
          `space: memory, ${label}, ${store}: engine bytes per distinct chunk (sized from a hint of exactly ${h.distinct})`,
          'B/chunk',
          h.per,
        ),
      );
  }
  return results;
}

async function withDeck(root, track, profile, fn) {
  const deck = await startDeck(root, { SIM_PROFILE: profile, SIM_SEED: '7' });
  track.add(deck.proc);
  try {
    return await fn(deck.url, await login(deck.url));
  } finally {
    await stopDeck(deck.proc);
    track.delete(deck.proc);
  }
}

/** 2. Every datastore, namespace and finished snapshot of the demo. */
async function measureDemo(lib, root, track, runs) {
  return withDeck(root, track, 'demo', async (url, auth) => {
    const sets = [];
    for (const store of await listStores(url, auth)) {
      const namespaces = (await call(url, auth, 'GET', `/admin/datastore/${store}/namespace`)).data;
      const snapshots = [];
      for (const { ns } of namespaces) snapshots.push(...(await listSnapshots(url, auth, store, ns)));
      sets.push({ store, snapshots });
    }
    return timeAccount(lib, url, auth, sets, runs, 'the demo profile (every datastore)');
  });
}

/** 3. One 1000-snapshot group of the large profile: of the first ct groups, the one with the fewest bytes. */
async function measureLargeGroup(lib, root, track, runs) {
  return withDeck(root, track, 'large', async (url, auth) => {
    const groups = (await call(url, auth, 'GET', '/admin/datastore/store1/groups')).data
      .filter((g) => g['backup-type'] === 'ct')
      .sort((a, b) => Number(a['backup-id']) - Number(b['backup-id']))
      .slice(0, 8);
    let best;
    for (const g of groups) {
      const query = { 'backup-type': 'ct', 'backup-id': g['backup-id'] };
      const snapshots = await listSnapshots(url, auth, 'store1', '', query);
      const size = snapshots.reduce((n, s) => n + s.size, 0);
      if (!best || size < best.size) best = { id: g['backup-id'], snapshots, size };
    }
    const sets = [{ store: 'store1', snapshots: best.snapshots }];
    return timeAccount(lib, url, auth, sets, runs, `large profile group ct/${best.id}`);
  });
}

export async function measureSpace(root, runs, track, log) {
  const lib = await loadSpaceEngine(root);
  log(`space: parsing 64 MiB index files, ${runs} runs`);
  const parsing = await measureParsing(lib, runs);
  log('space: engine memory over 2^20 distinct chunks');
  const memory = await measureMemory(lib);
  const accountRuns = Math.min(runs, 5);
  log(`space: account of the demo profile, up to ${accountRuns} runs`);
  const demo = await measureDemo(lib, root, track, accountRuns);
  log(`space: account of one 1000-snapshot group of the large profile, up to ${accountRuns} runs`);
  const large = await measureLargeGroup(lib, root, track, accountRuns);
  return [...parsing, ...memory, ...demo, ...large];
}
