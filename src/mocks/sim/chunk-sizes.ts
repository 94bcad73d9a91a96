// Chunk sizes inside an atom. Content-defined chunks (pxar archives, catalogs) vary in length as PBS's chunker
// cuts them: between a quarter and four times its average parameter. The model needs an atom's logical bytes
// without drawing each chunk, so sizes are drawn in runs of eight whose sum is fixed: every run of m chunks holds
// exactly m × the atom's mean (the atom's last run may be shorter), and an atom of n chunks holds n × mean. Sizes are drawn only when an index file is
// built, from the seed, the atom and the run.
import { hash32, prng } from './random';

/** How an atom's chunks were cut; absent: every chunk has the atom's size (fixed-size images, hand seeding). */
export type Chunking = 'pxar' | 'catalog';

const MiB = 1024 * 1024;
/** PBS's chunker: avg 4 MiB for archives (min 1 MiB, max 16 MiB), 512 KiB for catalogs (128 KiB … 2 MiB) */
const BOUNDS: Record<Chunking, [number, number]> = {
  pxar: [MiB, 16 * MiB],
  catalog: [128 * 1024, 2 * MiB],
};
export const RUN = 8;

export interface AtomShape {
  atom: string;
  /** chunks the atom was written with */
  count: number;
  /** mean logical bytes per chunk */
  mean: number;
  chunking?: Chunking;
}

/** The logical sizes of chunks `from` … `to - 1` of an atom. */
export function chunkSizes(seed: number, shape: AtomShape, from: number, to: number): Uint32Array {
  const { atom, mean, chunking, count } = shape;
  const out = new Uint32Array(Math.max(0, to - from));
  if (!chunking) return out.fill(mean);
  const [lo, hi] = BOUNDS[chunking];
  const run = new Float64Array(RUN);
  for (let r = Math.floor(from / RUN); r * RUN < to; r++) {
    const first = r * RUN;
    const m = Math.max(1, Math.min(RUN, count - first));
    drawRun(seed, atom, r, m, mean, lo, hi, run);
    for (let i = 0; i < m; i++) {
      const k = first + i;
      if (k >= from && k < to) out[k - from] = run[i] ?? mean;
    }
  }
  return out;
}

/** One run of m (up to eight) chunk sizes summing to m × mean, each within [lo, hi]. */
function drawRun(
  seed: number,
  atom: string,
  r: number,
  m: number,
  mean: number,
  lo: number,
  hi: number,
  out: Float64Array,
) {
  const rnd = prng(hash32(`${atom}/${r}`) ^ seed);
  const low = Math.min(lo, mean);
  const high = Math.max(hi, mean);
  const spare = m * (mean - low);
  let w = 0;
  for (let i = 0; i < m; i++) {
    // exponential weights: many chunks near the minimum, a few long ones, as a rolling-hash chunker cuts
    out[i] = -Math.log(1 - rnd());
    w += out[i] ?? 0;
  }
  let left = m * mean;
  for (let i = 0; i < m; i++) {
    out[i] = Math.min(high, low + Math.floor((spare * (out[i] ?? 0)) / w));
    left -= out[i] ?? 0;
  }
  // what rounding and the maximum left over goes to the chunks that still have room, in order
  for (let i = 0; i < m && left > 0; i++) {
    const add = Math.min(left, high - (out[i] ?? 0));
    out[i] = (out[i] ?? 0) + add;
    left -= add;
  }
}

/** Logical bytes of chunks 0 … n-1 of an atom: n × mean up to whole runs or the atom's end; a cut run is drawn. */
export function prefixBytes(seed: number, shape: AtomShape, n: number): number {
  const whole = Math.floor(n / RUN) * RUN;
  if (!shape.chunking || whole === n || n >= shape.count) return n * shape.mean;
  let sum = whole * shape.mean;
  for (const s of chunkSizes(seed, shape, whole, n)) sum += s;
  return sum;
}
