/** `type=read-only,message="…"` (PBS's maintenance-mode property string) → its parts. */
export function parseMaintenance(value: string | undefined): { type: string; message?: string } | null {
  if (!value) return null;
  const type = /(?:^|,)type=([^,]+)/.exec(value)?.[1] ?? value.split(',')[0] ?? value;
  const quoted = /(?:^|,)message="((?:[^"\\]|\\.)*)"/.exec(value)?.[1];
  const bare = /(?:^|,)message=([^,"]*)/.exec(value)?.[1];
  const message = quoted?.replace(/\\(.)/g, '$1') ?? bare;
  return message ? { type, message } : { type };
}

export function describeMaintenance(value: string | undefined): string | null {
  const m = parseMaintenance(value);
  if (!m) return null;
  return m.message ? `Maintenance (${m.type}): ${m.message}` : `Maintenance (${m.type})`;
}
