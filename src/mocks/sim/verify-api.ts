// Turning verify API parameters and job configs into a verify scope, with PBS's parameter checks.
import type { Datastore } from './datastore';
import { enoent, SimError } from './errors';
import { findGroup, namespacesOf } from './listing';
import type { VerifyScope } from './verify';
import type { VerifyJobConfig, VerifyParams } from './types';

export function verifyScope(s: Datastore, p: VerifyParams): VerifyScope {
  const ns = p.ns ?? '';
  if ((p.type === undefined) !== (p.id === undefined) || (p.time !== undefined && p.type === undefined)) {
    throw new SimError(400, 'parameters do not specify a backup group or snapshot');
  }
  if (!namespacesOf(s).includes(ns)) throw enoent();
  if (p.type && p.id) {
    const g = findGroup(s, ns, p.type, p.id);
    if (p.time !== undefined && !g.snapshots.some((x) => x.time === p.time)) throw enoent();
  }
  // 600 000 snapshots in one task log would be more than a browser can hold
  if (s.lazy && !(p.type && p.id))
    throw new SimError(400, 'the large profile verifies single groups or snapshots only');
  return {
    ns,
    type: p.type,
    id: p.id,
    time: p.time,
    maxDepth: p.maxDepth ?? 7,
    ignoreVerified: p.ignoreVerified ?? true,
    outdatedAfter: p.outdatedAfter,
  };
}

export function jobScope(c: VerifyJobConfig, schedule?: string): VerifyScope {
  return {
    ns: c.ns ?? '',
    maxDepth: c['max-depth'] ?? 7,
    ignoreVerified: c['ignore-verified'] ?? true,
    outdatedAfter: c['outdated-after'],
    job: schedule ? { id: c.id, schedule } : { id: c.id },
  };
}
