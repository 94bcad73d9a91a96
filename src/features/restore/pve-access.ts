// Whether, and as whom, this console may ask Proxmox VE anything for a restore.
import type { PveDeckSession } from '@/api/schemas/pve';

export type PveAccess =
  /** this deck has no Proxmox VE: the command line is all there is */
  | { kind: 'none' }
  | { kind: 'loading' }
  /** user mode without a PVE login (or with one PVE no longer accepts): log in before anything is read */
  | { kind: 'login' }
  /** token mode, and this PBS user is not one the deck's token serves */
  | { kind: 'refused'; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; mode: 'user' | 'token'; username: string };

interface AccessInput {
  configured: boolean | undefined;
  session: { data?: PveDeckSession; error: Error | null; dataUpdatedAt: number };
  /** when a PVE call last answered that the deck holds no PVE login (usePveLoginLostAt) */
  loginLostAt: number;
}

export function pveAccess({ configured, session, loginLostAt }: AccessInput): PveAccess {
  if (configured === false) return { kind: 'none' };
  const s = session.data;
  if (!s) {
    if (session.error) return { kind: 'error', message: session.error.message };
    return { kind: 'loading' };
  }
  if (s.mode === 'token') {
    if (!s.allowed)
      return { kind: 'refused', reason: s.reason ?? 'this deck restores to Proxmox VE for other PBS users only' };
    return { kind: 'ready', mode: 'token', username: s.username ?? 'the deck’s API token' };
  }
  if (s.username === null || loginLostAt > session.dataUpdatedAt) return { kind: 'login' };
  return { kind: 'ready', mode: 'user', username: s.username };
}
