// Plants the hostile corpus's PBS fields where PBS keeps them, raw (no API validation in between: data written by
// another machine, an older tool or a restored config can be anything). Proxmox VE's fields are planted beside the
// simulated cluster (pve/pve-hostile.ts). Only the demo profile: the places are its datastores, groups and jobs.
import type { SimCtx } from './ctx';
import type { Group, Snapshot } from './content';
import { SimError } from './errors';
import { archiveBase } from './file-tree';
import { payloadsOf, type HostileField, type HostilePayload } from './hostile-corpus';
import type { SimJobs } from './jobs';
import { findGroup } from './listing';
import type { BackupType } from './types';

/** What a test needs to find a planted payload again; only the keys that apply are set. */
export interface HostilePlace {
  store?: string;
  ns?: string;
  /** `vm/102` */
  group?: string;
  /** snapshot time (epoch s) */
  time?: number;
  /** file archive name */
  archive?: string;
  upid?: string;
  job?: string;
  vmid?: number;
  storage?: string;
}

export interface HostilePlacement {
  id: string;
  field: HostileField;
  /** where it was written, in words: the datastore, the group, the task… (PLANTED_AS says what of it) */
  at: string;
  place: HostilePlace;
}

/** What of PBS or Proxmox VE holds each field's payloads. */
export const PLANTED_AS: Record<HostileField, string> = {
  'datastore-comment': 'the comment in the datastore configuration',
  'namespace-comment': "the namespace's comment",
  'group-comment': "the first line of the group's notes",
  'group-notes': "the group's notes, below their first line, one Markdown paragraph each",
  'snapshot-comment': "the first line of the snapshot's notes",
  'snapshot-notes': "the snapshot's notes, below their first line, one Markdown paragraph each",
  owner: "the group's owner file, raw (not an Authid)",
  'worker-id': 'the worker id of a finished task, in its UPID too (systemd-escaped there); all but the first failed',
  'task-log': 'lines of the log of the first worker-id task',
  'file-name': 'entries at the top of a file archive, one a directory (in the catalog and the archive itself)',
  'job-comment': "the job's comment",
  'pve-guest-name': "the guest's name in Proxmox VE",
  'pve-storage-name': 'the id of a Proxmox VE storage for disks and container volumes',
};

const STORE = 'store1';
const NAMESPACES = ['prod', 'prod/db', 'lab'];
/** one comment each; the first also carries every group-notes payload, snapshot comments and notes */
const COMMENT_GROUPS = ['vm/102', 'vm/103', 'vm/104', 'vm/105', 'ct/111', 'ct/112'];
const OWNER_GROUPS = ['vm/103', 'vm/104', 'vm/105', 'ct/112', 'host/pve1'];
/** a container: its root.pxar.didx is a file archive the file browser opens */
const FILES_GROUP = 'ct/110';
const FILES_ARCHIVE = 'root.pxar.didx';
/** worker types whose id is free text in PBS's own descriptions (a realm, a service, a datastore, a disk) */
const WORKER_TYPES = ['realm-sync', 'srvstart', 'create-datastore', 'reader', 'zfscreate'];

function slot<X>(list: readonly X[], i: number, p: HostilePayload): X {
  const x = list[i];
  if (x === undefined) throw new SimError(400, `no place for hostile payload '${p.id}' (${p.field})`);
  return x;
}

const firstLine = (text: string | undefined) => text?.split('\n')[0] ?? '';
const newestFirst = (g: Group): Snapshot[] => g.snapshots.filter((s) => s.finished).sort((a, b) => b.time - a.time);

export function plantHostileCorpus(ctx: SimCtx, jobs: SimJobs, now: number): HostilePlacement[] {
  const out: HostilePlacement[] = [];
  const put = (p: HostilePayload, at: string, place: HostilePlace) => out.push({ id: p.id, field: p.field, at, place });
  const store = ctx.stores.get(STORE);
  if (!store) throw new SimError(400, `the hostile corpus needs datastore '${STORE}'`);
  const group = (key: string) => {
    const [type, id] = key.split('/') as [BackupType, string];
    return findGroup(store, '', type, id);
  };

  payloadsOf('datastore-comment').forEach((p, i) => {
    const s = slot([...ctx.stores.values()], i, p);
    s.config.comment = p.text;
    put(p, s.name, { store: s.name });
  });
  payloadsOf('namespace-comment').forEach((p, i) => {
    const ns = slot(NAMESPACES, i, p);
    store.requireNs(ns);
    store.nsComments.set(ns, p.text);
    put(p, `${STORE}:${ns}`, { store: STORE, ns });
  });
  payloadsOf('group-comment').forEach((p, i) => {
    const key = slot(COMMENT_GROUPS, i, p);
    group(key).notes = p.text;
    put(p, `${STORE}:${key}`, { store: STORE, group: key });
  });
  const notesGroup = group(COMMENT_GROUPS[0]!);
  const groupNotes = payloadsOf('group-notes');
  notesGroup.notes = `${firstLine(notesGroup.notes)}\n\n${groupNotes.map((p) => p.text).join('\n\n')}\n`;
  for (const p of groupNotes) put(p, `${STORE}:${COMMENT_GROUPS[0]}`, { store: STORE, group: COMMENT_GROUPS[0] });

  const snapshots = newestFirst(notesGroup);
  const newest = snapshots[0];
  if (!newest) throw new SimError(400, `the hostile corpus needs a finished snapshot of ${COMMENT_GROUPS[0]}`);
  payloadsOf('snapshot-comment').forEach((p, i) => {
    const s = slot(snapshots, i, p);
    s.notes = p.text;
    put(p, `${STORE}:${COMMENT_GROUPS[0]}, its ${payloadsOf('snapshot-comment').length} newest snapshots`, {
      store: STORE,
      group: COMMENT_GROUPS[0],
      time: s.time,
    });
  });
  const snapshotNotes = payloadsOf('snapshot-notes');
  newest.notes = `${firstLine(newest.notes)}\n\n${snapshotNotes.map((p) => p.text).join('\n\n')}\n`;
  for (const p of snapshotNotes)
    put(p, `${STORE}:${COMMENT_GROUPS[0]}, its newest snapshot`, {
      store: STORE,
      group: COMMENT_GROUPS[0],
      time: newest.time,
    });

  payloadsOf('owner').forEach((p, i) => {
    const key = slot(OWNER_GROUPS, i, p);
    group(key).owner = p.text;
    put(p, `${STORE}:${key}`, { store: STORE, group: key });
  });

  plantTasks(ctx, now, put);
  plantJobComments(jobs, put);

  const files = newestFirst(group(FILES_GROUP))[0];
  if (!files) throw new SimError(400, `the hostile corpus needs a finished snapshot of ${FILES_GROUP}`);
  files.addedEntries = {
    ...files.addedEntries,
    [archiveBase(FILES_ARCHIVE)]: payloadsOf('file-name').map((p) => ({
      path: `/${p.text}`,
      kind: p.entry ?? 'file',
      mtime: files.time - 3600,
    })),
  };
  for (const p of payloadsOf('file-name'))
    put(p, `${STORE}:${FILES_GROUP}, its newest snapshot's ${FILES_ARCHIVE}`, {
      store: STORE,
      group: FILES_GROUP,
      time: files.time,
      archive: FILES_ARCHIVE,
    });
  return out;
}

type Put = (p: HostilePayload, at: string, place: HostilePlace) => void;

/** A finished task per worker-id payload, the first the newest: its log holds every task-log payload. */
function plantTasks(ctx: SimCtx, now: number, put: Put): void {
  const workers = payloadsOf('worker-id');
  const lines = payloadsOf('task-log');
  // oldest first, so the first payload's task ends last and leads the task list
  const upids = workers
    .map((p, i) => ({ p, i }))
    .reverse()
    .map(({ p, i }) => {
      const start = now - 60 * (i + 1);
      const task = ctx.tasks.create(slot(WORKER_TYPES, i, p), p.text, 'root@pam', start);
      task.lines = i === 0 ? lines.map((l) => ({ t: start + 1, msg: l.text })) : [{ t: start, msg: 'starting' }];
      // the others failed: lists of failures (the embed's, the dashboard's) show them too
      ctx.tasks.finish(task, start + 30, i === 0 ? 'OK' : 'command failed: exit code 1');
      return task.upid;
    })
    .reverse();
  workers.forEach((p, i) => put(p, `a ${WORKER_TYPES[i]} task`, { upid: upids[i] }));
  for (const p of lines) put(p, `the ${WORKER_TYPES[0]} task`, { upid: upids[0] });
}

function plantJobComments(jobs: SimJobs, put: Put): void {
  const entries = [
    ...jobs.verify.entries.map((e) => ['verify', e.config] as const),
    ...jobs.prune.entries.map((e) => ['prune', e.config] as const),
    ...jobs.sync.entries.map((e) => ['sync', e.config] as const),
  ];
  payloadsOf('job-comment').forEach((p, i) => {
    const [kind, config] = slot(entries, i, p);
    config.comment = p.text;
    put(p, `${kind} job ${config.id}`, { job: config.id });
  });
}
