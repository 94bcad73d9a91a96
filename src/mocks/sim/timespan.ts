// proxmox-time's TimeSpan display, as PBS 4 prints it in GC logs ("1d 5m").
export function formatTimeSpan(totalSeconds: number): string {
  let d = Math.floor(totalSeconds);
  const seconds = d % 60;
  d = Math.floor(d / 60);
  const minutes = d % 60;
  d = Math.floor(d / 60);
  const hours = d % 24;
  d = Math.floor(d / 24);
  const years = Math.floor(d / 365.25);
  const ydays = Math.floor(d % 365.25);
  const months = Math.floor(ydays / 30.44);
  const mdays = Math.floor(ydays % 30.44);
  const parts: string[] = [];
  const units: [number, string][] = [
    [years, 'y'],
    [months, 'M'],
    [Math.floor(mdays / 7), 'w'],
    [mdays % 7, 'd'],
    [hours, 'h'],
    [minutes, 'm'],
  ];
  for (const [v, u] of units) if (v > 0) parts.push(`${v}${u}`);
  if (seconds > 0) parts.push(`${seconds}s`);
  return parts.length ? parts.join(' ') : '<0.1s';
}
