// The groups table of a space account as CSV (DESIGN.md, "Space accounting"). Namespaces and group ids come from
// the machines that back up, so every text field is hostile: quoted per RFC 4180 and kept from being read as a
// spreadsheet formula.
import { estimateDiskBytes } from '@/lib/space/report';
import type { GroupSpace, SpaceReport } from '@/lib/space/types';

export const SPACE_CSV_HEADER = [
  'server',
  'datastore',
  'namespace',
  'type',
  'id',
  'snapshots',
  'logical_bytes',
  'unique_bytes',
  'shared_bytes',
  'estimated_disk_bytes',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (and some with a leading tab or CR) as a formula: an
 * apostrophe in front makes it text (the OWASP advice for CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field, quoted when it holds a comma, a quote, CR or LF; quotes inside doubled (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Groups in the table's order: the most freed if forgotten first; ties by namespace, type and id. */
function tableOrder(a: GroupSpace, b: GroupSpace): number {
  return (
    b.unique.bytes - a.unique.bytes || cmp(a.ns, b.ns) || cmp(a.type, b.type) || cmp(a.id, b.id) // stable export
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One row per group: logical = the group's distinct logical bytes, unique and shared logical bytes, and the
 * estimated on-disk bytes of its distinct bytes (empty without GC figures). Lines end in CRLF, as RFC 4180 has it.
 */
export function spaceCsv(report: SpaceReport, { server, store }: { server: string; store: string }): string {
  const lines = [SPACE_CSV_HEADER.join(',')];
  for (const g of [...report.groups].sort(tableOrder)) {
    const disk = estimateDiskBytes(g.distinct.bytes, report.datastore);
    const fields = [
      csvField(server),
      csvField(store),
      csvField(g.ns),
      csvField(g.type),
      csvField(g.id),
      csvField(g.snapshots),
      csvField(g.distinct.bytes),
      csvField(g.unique.bytes),
      csvField(g.shared.bytes),
      disk ? csvField(disk.bytes) : '',
    ];
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
