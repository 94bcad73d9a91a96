/*
 * Byte sizes in IEC units (KiB = 1024 B), as PBS's own UI shows them, plus the exact count for
 * hover texts. Output is English-formatted so the UI and its tests read the same everywhere.
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const exactFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function decimalsFor(value: number): number {
  if (value < 10) return 2;
  if (value < 100) return 1;
  return 0;
}

/** `1610612736` → `1.5 GiB`; `512` → `512 B`; at most three significant digits, trailing zeros dropped. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`;
  let rounded = Number(value.toFixed(decimalsFor(value)));
  // 1023.996 KiB rounds to 1024 KiB: show it as the next unit instead.
  if (rounded >= 1024 && unit < UNITS.length - 1) {
    rounded = 1;
    unit++;
  }
  return `${sign}${rounded} ${UNITS[unit]}`;
}

/** `1610612736` → `1,610,612,736 bytes` (for hover texts next to formatBytes). */
export function formatBytesExact(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  return `${exactFormat.format(Math.round(bytes))} ${Math.abs(bytes) === 1 ? 'byte' : 'bytes'}`;
}
