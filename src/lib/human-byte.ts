// PBS's HumanByte display (proxmox-human-byte): binary units picked by bit length, value rounded to
// 3 decimals and printed as the shortest float, e.g. `0 B`, `1.5 KiB`, `4 MiB`, `1.234 GiB`.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

export function humanByte(bytes: number): string {
  const size = Math.max(0, bytes);
  let exp = 0;
  // bit length / 10, without floating-point log2 error at exact powers of two
  while (exp < UNITS.length - 1 && size >= 2 ** (10 * (exp + 1))) exp++;
  const value = Math.round((size * 1000) / 2 ** (10 * exp)) / 1000;
  return `${formatShortest(value)} ${UNITS[exp]}`;
}

function formatShortest(v: number): string {
  // Rust prints f64 without exponent for these magnitudes; JS does the same below 1e21.
  return Number.isInteger(v) ? v.toFixed(0) : String(v);
}
