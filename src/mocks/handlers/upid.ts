// The UPID fields the handlers need for access checks (worker type, unescaped worker id, auth id).
export interface UpidFields {
  workerType: string;
  workerId: string | null;
  authid: string;
}

const UPID_RE =
  /^UPID:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:[0-9A-Fa-f]{8,16}:[0-9A-Fa-f]{8}:([^:\s]+):([^:\s]*):([^:\s]+):$/;

/** systemd unit-name unescaping: "\xHH" is a byte, "-" was "/". */
export function systemdUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '-') bytes.push(0x2f);
    else if (ch === '\\' && s[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else bytes.push(...new TextEncoder().encode(ch));
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

export function parseUpidFields(upid: string): UpidFields | null {
  const m = UPID_RE.exec(upid);
  if (!m) return null;
  return { workerType: m[1]!, workerId: m[2] ? systemdUnescape(m[2]) : null, authid: m[3]! };
}
