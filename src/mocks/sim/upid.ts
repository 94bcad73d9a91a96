// UPIDs as PBS writes them (pbs-api.md §5). The simulator keeps its own copy of this logic: it follows PBS,
// not our client's parser, so a client bug cannot hide behind a matching simulator bug.

/** systemd unit-name escaping used for worker ids: `/` → `-`, other bytes outside [A-Za-z0-9_.] → `\xhh`. */
export function systemdEscape(text: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9_.]*$/.test(text)) return text;
  const bytes = new TextEncoder().encode(text);
  let out = '';
  bytes.forEach((b, i) => {
    const c = String.fromCharCode(b);
    if (c === '/') out += '-';
    else if ((i === 0 && c === '.') || !/[A-Za-z0-9_.]/.test(c)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += c;
  });
  return out;
}

const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');

export interface UpidParts {
  node: string;
  pid: number;
  pstart: number;
  taskId: number;
  starttime: number;
  type: string;
  id: string | null;
  authid: string;
}

export function formatUpid(p: UpidParts): string {
  const id = p.id === null ? '' : systemdEscape(p.id);
  return `UPID:${p.node}:${hex(p.pid, 8)}:${hex(p.pstart, 8)}:${hex(p.taskId, 8)}:${hex(p.starttime, 8)}:${p.type}:${id}:${p.authid}:`;
}

export const UPID_RE =
  /^UPID:[A-Za-z0-9][A-Za-z0-9-]*:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8,16}:[0-9A-F]{8}:[^:\s]+:[^:\s]*:[^:\s]+:$/;

/** Start time of a task from its UPID (verify states are dated by it). */
export function upidStarttime(upid: string): number {
  return parseInt(upid.split(':')[5] ?? '0', 16);
}
