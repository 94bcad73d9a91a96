import { humanByte } from './human-byte';

describe('humanByte (PBS HumanByte)', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [400_000, '390.625 KiB'],
    [1_000_000, '976.563 KiB'],
    [4 * 1024 * 1024, '4 MiB'],
    [1_275_000, '1.216 MiB'],
    [1.234 * 1024 ** 3, '1.234 GiB'],
    [5 * 1024 ** 4, '5 TiB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(humanByte(bytes)).toBe(text);
  });
});
