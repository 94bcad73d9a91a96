import { formatBytes, formatBytesExact } from './format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1_610_612_736, '1.5 GiB'],
    [10.25 * 1024 ** 3, '10.3 GiB'],
    [536_870_912, '512 MiB'],
    [34_359_738_368, '32 GiB'],
    [7_999_425_155_072, '7.28 TiB'],
    [1024 ** 2 - 1, '1 MiB'],
    [1024 ** 5 * 3, '3 PiB'],
    [-2048, '-2 KiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('does not pretend to know a missing number', () => {
    expect(formatBytes(Number.NaN)).toBe('–');
  });
});

describe('formatBytesExact', () => {
  it('groups thousands', () => {
    expect(formatBytesExact(1_610_612_736)).toBe('1,610,612,736 bytes');
    expect(formatBytesExact(1)).toBe('1 byte');
    expect(formatBytesExact(0)).toBe('0 bytes');
  });
});
