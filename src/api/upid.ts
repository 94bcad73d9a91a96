/*
 * PBS task ids: `UPID:<node>:<pid>:<pstart>:<task_id>:<starttime>:<type>:<id>:<authid>:` with
 * uppercase hex numbers and a systemd-escaped worker id. Proxmox VE UPIDs (restore tasks) lack the
 * task_id field, which is why it is optional.
 */

export interface Upid {
  node: string;
  pid: number;
  pstart: number;
  /** Counter inside the PBS daemon; absent in Proxmox VE UPIDs. */
  taskId?: number;
  /** Epoch seconds. */
  starttime: number;
  /** Worker type, e.g. `garbage_collection`, `verificationjob`. */
  type: string;
  /** Worker id, unescaped (`store1:v-1a2b`); empty when the task has none. */
  id: string;
  /** Auth id that started the task (`root@pam`, `bob@pbs!token`). */
  user: string;
}

const UPID_RE =
  /^UPID:([^\s:]+):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):(?:([0-9A-Fa-f]{8,16}):)?([0-9A-Fa-f]{8}):([^:\s]+):([^:\s]*):([^:\s]+):$/;

export function parseUpid(upid: string): Upid | null {
  const m = UPID_RE.exec(upid);
  if (!m) return null;
  const [, node, pid, pstart, taskId, starttime, type, id, user] = m;
  if (!node || !pid || !pstart || !starttime || !type || id === undefined || !user) return null;
  const escapedId = systemdUnescape(id);
  if (escapedId === null) return null;
  return {
    node,
    pid: parseInt(pid, 16),
    pstart: parseInt(pstart, 16),
    ...(taskId !== undefined && { taskId: parseInt(taskId, 16) }),
    starttime: parseInt(starttime, 16),
    type,
    id: escapedId,
    user,
  };
}

const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');

/** Writes a UPID the way PBS does (and PVE does, without `taskId`). */
export function formatUpid(upid: Upid): string {
  const task = upid.taskId === undefined ? '' : `${hex8(upid.taskId)}:`;
  return `UPID:${upid.node}:${hex8(upid.pid)}:${hex8(upid.pstart)}:${task}${hex8(upid.starttime)}:${upid.type}:${systemdEscape(upid.id)}:${upid.user}:`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const isPlain = (byte: number, index: number) =>
  (byte >= 0x30 && byte <= 0x39) || // 0-9
  (byte >= 0x41 && byte <= 0x5a) || // A-Z
  (byte >= 0x61 && byte <= 0x7a) || // a-z
  byte === 0x5f || // _
  (byte === 0x2e && index > 0); // . except leading

/** systemd unit-name escaping as PBS applies it to worker ids: `/` → `-`, other bytes → `\xhh`. */
export function systemdEscape(value: string): string {
  let out = '';
  encoder.encode(value).forEach((byte, index) => {
    if (byte === 0x2f) out += '-';
    else if (isPlain(byte, index)) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  });
  return out;
}

/** Reverses systemdEscape; null when the text has a broken `\x` sequence or invalid UTF-8. */
export function systemdUnescape(value: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '-') {
      bytes.push(0x2f);
    } else if (ch === '\\') {
      const hex = value.slice(i + 2, i + 4);
      if (value[i + 1] !== 'x' || !/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      bytes.push(...encoder.encode(ch));
    }
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
