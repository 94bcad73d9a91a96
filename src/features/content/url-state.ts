// Where the content view keeps its state in the URL: ?ns=a/b, the filters, and the open detail.
import type { ListedBackupType } from '@/api/schemas/common';
import { parseNs } from '@/lib/namespace-path';
import { snapshotKey } from './tree-rows';

export interface DetailRef {
  ns: string;
  type: ListedBackupType;
  id: string;
  time: number;
}

const TYPES: readonly string[] = ['vm', 'ct', 'host'];
// a group opens whatever its type, a newer PBS's too: a word, as PBS spells its backup types
const TYPE = /^[a-z][a-z0-9_-]*$/;

/** `detail=<ns>:<type>/<id>/<epoch>` (the namespace may be below the current one, from a search). */
export function parseDetail(value: string | null): DetailRef | null {
  if (!value) return null;
  const colon = value.lastIndexOf(':');
  const ns = parseNs(colon < 0 ? '' : value.slice(0, colon));
  const [type, id, time, ...rest] = value.slice(colon + 1).split('/');
  if (ns === null || !type || !TYPES.includes(type) || !id || !time || rest.length > 0 || !/^\d+$/.test(time))
    return null;
  return { ns, type: type as ListedBackupType, id, time: Number(time) };
}

export function formatDetail(d: DetailRef): string {
  return `${d.ns}:${d.type}/${d.id}/${d.time}`;
}

export function detailRowKey(d: DetailRef | null): string | null {
  return d ? snapshotKey(d.ns, d.type, d.id, d.time) : null;
}

/** `g:<ns>:<type>/<id>` back into its parts (ids and namespaces hold neither `:` nor, for ids, `/`). */
export function parseGroupKey(key: string): { ns: string; type: ListedBackupType; id: string } | null {
  if (!key.startsWith('g:')) return null;
  const rest = key.slice(2);
  const colon = rest.lastIndexOf(':');
  const [type, id] = rest.slice(colon + 1).split('/');
  if (colon < 0 || !type || !id || !TYPE.test(type)) return null;
  return { ns: rest.slice(0, colon), type: type as ListedBackupType, id };
}
