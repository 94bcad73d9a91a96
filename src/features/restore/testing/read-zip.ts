/*
 * Reads a stored (uncompressed) zip, as client-zip writes it, through its central directory: enough
 * for tests to check names and bytes without a zip library.
 */
export interface ZipEntryRead {
  name: string;
  data: Uint8Array;
  method: number;
}

const u16 = (v: DataView, o: number) => v.getUint16(o, true);
const u32 = (v: DataView, o: number) => v.getUint32(o, true);

/** zip64 extra field (0x0001): the 8-byte values of whichever 32-bit fields were 0xffffffff. */
function zip64Values(v: DataView, start: number, length: number): number[] {
  const out: number[] = [];
  for (let o = start; o < start + length;) {
    const id = u16(v, o);
    const size = u16(v, o + 2);
    if (id === 1) for (let i = 0; i < size; i += 8) out.push(Number(v.getBigUint64(o + 4 + i, true)));
    o += 4 + size;
  }
  return out;
}

export function readZip(bytes: Uint8Array): ZipEntryRead[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && u32(v, eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  let count = u16(v, eocd + 10);
  let offset = u32(v, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = eocd - 20;
    const z64 = Number(v.getBigUint64(locator + 8, true));
    count = Number(v.getBigUint64(z64 + 32, true));
    offset = Number(v.getBigUint64(z64 + 48, true));
  }
  const out: ZipEntryRead[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(v, offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = u16(v, offset + 10);
    let size = u32(v, offset + 24);
    const nameLen = u16(v, offset + 28);
    const extraLen = u16(v, offset + 30);
    const commentLen = u16(v, offset + 32);
    let local = u32(v, offset + 42);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLen));
    const big = zip64Values(v, offset + 46 + nameLen, extraLen);
    if (u32(v, offset + 24) === 0xffffffff) size = big.shift() ?? size;
    if (u32(v, offset + 20) === 0xffffffff) big.shift();
    if (u32(v, offset + 42) === 0xffffffff) local = big.shift() ?? local;
    const dataAt = local + 30 + u16(v, local + 26) + u16(v, local + 28);
    out.push({ name, method, data: bytes.slice(dataAt, dataAt + size) });
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
