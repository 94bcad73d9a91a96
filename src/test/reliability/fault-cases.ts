// The fault cases of the reliability suite (faults.test.tsx): each one fault rule of the simulator
// (mocks/handlers/fault-rule.ts), where the console meets it, and what its test measured there. docs/reliability.md
// is rendered from this table and the measurements, never from text written beside them.
import type { FaultRule } from '@/mocks/handlers/fault-rule';

const PBS = '/api2/json';
export const STORE = 'store1';
export const SNAPSHOTS = `${PBS}/admin/datastore/${STORE}/snapshots`;
export const GROUPS = `${PBS}/admin/datastore/${STORE}/groups`;
export const VERIFY_JOB = 'v-3fa2b1c9-7d10';
export const PRUNE_JOB = 's-6b1f0c2e-a3d4';
const verifyJob = `${PBS}/config/verify/${VERIFY_JOB}`;
const pruneJob = `${PBS}/config/prune/${PRUNE_JOB}`;
const datastoreConfig = `${PBS}/config/datastore/${STORE}`;

export interface FaultCase {
  id: string;
  title: string;
  /** what the simulator does, as the test gives it */
  rule: FaultRule;
  /** the view, and what the user does there */
  where: string;
}

/** What one test saw and counted. */
export interface Outcome {
  /** what the user sees, as read from the screen */
  seen: string;
  /** the reads the fault hit: requests the simulator received, the waits between them, and whether the view came back */
  reads?: { requests: number; waits: number[]; recovered: boolean };
  /** the writes the simulator received for the one save */
  writes?: number;
  /** the typed values and selection after the fault, as read from the screen */
  kept?: string;
}

const latency = (ms: number): FaultRule => ({ method: 'GET', path: SNAPSHOTS, delayMs: ms });

export const FAULT_CASES: readonly FaultCase[] = [
  { id: 'latency-5s', title: 'Latency of 5 s', rule: latency(5000), where: 'Content: opening group vm/100' },
  { id: 'latency-30s', title: 'Latency of 30 s', rule: latency(30_000), where: 'Content: opening group vm/100' },
  {
    id: '500-read',
    title: '500 on a read',
    rule: { method: 'GET', path: SNAPSHOTS, status: 500, times: 2 },
    where: 'Content: group vm/100 open, one snapshot selected, its list read again after a task',
  },
  {
    id: 'drop-read',
    title: 'Dropped connection on a read',
    rule: { method: 'GET', path: SNAPSHOTS, drop: true, times: 1 },
    where: 'Content: opening group vm/100',
  },
  {
    id: 'offline',
    title: 'Offline, then back',
    rule: { path: `${PBS}/**`, drop: true },
    where: 'Content: groups shown, then opening group vm/100; the rule is cleared once the console says so',
  },
  {
    id: '403-read',
    title: '403 on a read',
    rule: { method: 'GET', path: SNAPSHOTS, status: 403 },
    where: 'Content: opening group vm/100',
  },
  {
    id: '500-write',
    title: '500 on a save',
    rule: { method: 'PUT', path: pruneJob, status: 500 },
    where: `Datastore summary: editing prune job ${PRUNE_JOB}`,
  },
  {
    id: 'drop-write',
    title: 'Dropped connection on a save',
    rule: { method: 'PUT', path: datastoreConfig, drop: true },
    where: 'Datastore summary: changing the GC schedule',
  },
  {
    id: '401-edit',
    title: '401 in the middle of editing',
    rule: { method: 'PUT', path: verifyJob, status: 401, times: 1 },
    where: `Jobs: editing verify job ${VERIFY_JOB}, then logging in again and saving`,
  },
  {
    id: '403-write',
    title: '403 on a save',
    rule: { method: 'POST', path: `${PBS}/config/prune`, status: 403 },
    where: 'Datastore summary: adding a prune job',
  },
  {
    id: '400-params',
    title: "400 with PBS's parameter errors",
    rule: {
      method: 'PUT',
      path: verifyJob,
      paramErrors: {
        schedule: 'value does not match the regex pattern',
        comment: 'value must be at most 128 characters',
      },
    },
    where: `Jobs: editing verify job ${VERIFY_JOB}`,
  },
  {
    id: 'digest-verify-add',
    title: 'Digest conflict: adding a verify job',
    rule: { method: 'POST', path: `${PBS}/config/verify`, digestConflict: true, times: 1 },
    where: 'Jobs of store1: Add verify job',
  },
  {
    id: 'digest-verify-edit',
    title: 'Digest conflict: editing a verify job',
    rule: { method: 'PUT', path: verifyJob, digestConflict: true, times: 1 },
    where: `Jobs: Edit verify job ${VERIFY_JOB}`,
  },
  {
    id: 'digest-verify-remove',
    title: 'Digest conflict: removing a verify job',
    rule: { method: 'DELETE', path: verifyJob, digestConflict: true, times: 1 },
    where: `Jobs: Remove verify job ${VERIFY_JOB}`,
  },
  {
    id: 'digest-prune-add',
    title: 'Digest conflict: adding a prune job',
    rule: { method: 'POST', path: `${PBS}/config/prune`, digestConflict: true, times: 1 },
    where: 'Datastore summary: Add prune job',
  },
  {
    id: 'digest-prune-edit',
    title: 'Digest conflict: editing a prune job',
    rule: { method: 'PUT', path: pruneJob, digestConflict: true, times: 1 },
    where: `Datastore summary: Edit prune job ${PRUNE_JOB}`,
  },
  {
    id: 'digest-prune-remove',
    title: 'Digest conflict: removing a prune job',
    rule: { method: 'DELETE', path: pruneJob, digestConflict: true, times: 1 },
    where: `Datastore summary: Remove prune job ${PRUNE_JOB}`,
  },
  {
    id: 'digest-gc-schedule',
    title: 'Digest conflict: changing the GC schedule',
    rule: { method: 'PUT', path: datastoreConfig, digestConflict: true, times: 1 },
    where: 'Datastore summary: GC schedule',
  },
];

export function faultCase(id: string): FaultCase {
  const found = FAULT_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no fault case '${id}'`);
  return found;
}
