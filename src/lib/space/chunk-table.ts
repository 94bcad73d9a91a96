// The per-chunk state of the space engine: one slot per distinct digest, fields in parallel typed arrays, found
// through an open-addressing hash table. No object and no list of referrers per chunk. A slot costs
// 16 (key) + 4 (size) + 4 (references) + 4 (last snapshot) + 4 + 4 (first and last group) + 1 (group count)
// + ceil(owners / 8) bytes, plus 4 bytes per hash table entry at a load of at most 0.7.
//
// The key is the digest's first 128 bits. Digests are SHA-256 of the chunks, so two chunks of one datastore share a
// key only if they share those bits: about n² / 2¹²⁹ for n chunks, under 10⁻²⁰ for a billion. A server that lists
// made-up digests could make two differ only past them; it could as well list wrong ones, and gets no other power.

const MAX_LOAD = 0.7;
/** 32-bit words of the digest kept as its key */
const KEY_WORDS = 4;
/** groupCount saturates here: "referenced by more groups than we care to count" */
export const GROUP_COUNT_MAX = 255;

export class ChunkTable {
  /** slots in use; slots of skipped snapshots stay, with refs 0, and count nowhere */
  count = 0;
  capacity: number;
  words: Int32Array;
  /** logical bytes of the chunk */
  sizes: Uint32Array;
  /** number of distinct snapshots referencing the chunk */
  refs: Uint32Array;
  /** the snapshot that referenced it last (so the sole one when refs is 1) */
  lastSnap: Int32Array;
  /** first and last group that referenced it, in the engine's group order; equal when one group does */
  firstGroup: Int32Array;
  lastGroup: Int32Array;
  groupCount: Uint8Array;
  /** ownerBytes bits per slot: bit o set when a group of owner o references the chunk */
  ownerBits: Uint8Array;
  private table: Int32Array;
  private mask: number;
  private readonly probe = new Int32Array(KEY_WORDS);

  constructor(
    readonly ownerBytes: number,
    initialCapacity = 1024,
  ) {
    this.capacity = initialCapacity;
    this.words = new Int32Array(initialCapacity * KEY_WORDS);
    this.sizes = new Uint32Array(initialCapacity);
    this.refs = new Uint32Array(initialCapacity);
    this.lastSnap = new Int32Array(initialCapacity);
    this.firstGroup = new Int32Array(initialCapacity);
    this.lastGroup = new Int32Array(initialCapacity);
    this.groupCount = new Uint8Array(initialCapacity);
    this.ownerBits = new Uint8Array(initialCapacity * ownerBytes);
    let tableSize = 1024;
    while (tableSize * MAX_LOAD < initialCapacity) tableSize *= 2;
    this.table = new Int32Array(tableSize);
    this.mask = tableSize - 1;
  }

  /** bytes held by the typed arrays */
  get allocatedBytes(): number {
    return [
      this.words,
      this.sizes,
      this.refs,
      this.lastSnap,
      this.firstGroup,
      this.lastGroup,
      this.groupCount,
      this.ownerBits,
      this.table,
    ].reduce((sum, a) => sum + a.byteLength, 0);
  }

  /** The digest at `bytes[at..at+32)` → its slot, or -1 (its first KEY_WORDS words are the key). */
  find(bytes: Uint8Array, at: number): number {
    const h = this.load(bytes, at);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const entry = this.table[i] ?? 0;
      if (entry === 0) return -1;
      if (this.matches(entry - 1)) return entry - 1;
    }
  }

  /** The digest's slot, a new one (refs 0) if it is not there yet. Returns the slot; size conflicts are counted. */
  findOrAdd(bytes: Uint8Array, at: number, size: number): number {
    if (this.count + 1 > this.table.length * MAX_LOAD) this.growTable();
    const h = this.load(bytes, at);
    let i = h & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const entry = this.table[i] ?? 0;
      if (entry === 0) break;
      const slot = entry - 1;
      if (this.matches(slot)) {
        if (this.sizes[slot] !== size) this.sizeConflicts++;
        return slot;
      }
    }
    if (this.count === this.capacity) this.growSlots();
    const slot = this.count++;
    this.words.set(this.probe, slot * KEY_WORDS);
    this.sizes[slot] = size;
    this.lastSnap[slot] = -1;
    this.firstGroup[slot] = -1;
    this.lastGroup[slot] = -1;
    this.table[i] = slot + 1;
    return slot;
  }

  sizeConflicts = 0;

  private load(bytes: Uint8Array, at: number): number {
    let h = 0;
    for (let k = 0; k < KEY_WORDS; k++) {
      const o = at + 4 * k;
      const w =
        (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) | ((bytes[o + 2] ?? 0) << 16) | ((bytes[o + 3] ?? 0) << 24);
      this.probe[k] = w;
      h = Math.imul(h ^ w, 0x9e3779b1);
    }
    return (h ^ (h >>> 15)) >>> 0;
  }

  private matches(slot: number): boolean {
    const base = slot * KEY_WORDS;
    for (let k = 0; k < KEY_WORDS; k++) if (this.words[base + k] !== this.probe[k]) return false;
    return true;
  }

  private hashOfSlot(slot: number): number {
    let h = 0;
    for (let k = 0; k < KEY_WORDS; k++) h = Math.imul(h ^ (this.words[slot * KEY_WORDS + k] ?? 0), 0x9e3779b1);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private growTable(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let slot = 0; slot < this.count; slot++) {
      let i = this.hashOfSlot(slot) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = slot + 1;
    }
    this.table = table;
    this.mask = mask;
  }

  // Slots grow by a quarter: little slack (a slot holds at most 1.25 × 38 bytes beside the table's 4 / load), and the
  // copies stay linear overall (about four times the final size).
  private growSlots(): void {
    const capacity = Math.ceil(this.capacity * 1.25);
    const grow = <T extends Int32Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T, per = 1): T => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.words = grow(this.words, (n) => new Int32Array(n), KEY_WORDS);
    this.sizes = grow(this.sizes, (n) => new Uint32Array(n));
    this.refs = grow(this.refs, (n) => new Uint32Array(n));
    this.lastSnap = grow(this.lastSnap, (n) => new Int32Array(n));
    this.firstGroup = grow(this.firstGroup, (n) => new Int32Array(n));
    this.lastGroup = grow(this.lastGroup, (n) => new Int32Array(n));
    this.groupCount = grow(this.groupCount, (n) => new Uint8Array(n));
    this.ownerBits = grow(this.ownerBits, (n) => new Uint8Array(n), this.ownerBytes);
    this.capacity = capacity;
  }
}
