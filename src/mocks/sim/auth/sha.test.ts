import { createHash } from 'node:crypto';
import { base64NoPad, decodeBase64NoPad } from './base64';
import { SHA1, SHA256, hmac, sha1, sha256, sha256Into, toHex, utf8 } from './sha';

describe('digests', () => {
  it('computes SHA-256 and SHA-1 test vectors', () => {
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const long = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
    expect(toHex(sha256(utf8(long)))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(toHex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha1(utf8(long)))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('agrees with Node at every length across the padding boundaries, and in place at any offset', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    const out = new Uint8Array(40);
    for (let len = 0; len <= 200; len++) {
      const want = createHash('sha256').update(data.subarray(0, len)).digest('hex');
      expect(toHex(sha256(data.subarray(0, len))), `length ${len}`).toBe(want);
      sha256Into(data, 50, 50 + len, out, 5);
      expect(toHex(out.subarray(5, 37)), `length ${len} at 50`).toBe(
        createHash('sha256')
          .update(data.subarray(50, 50 + len))
          .digest('hex'),
      );
    }
  });

  it('computes HMAC test vectors (RFC 4231 case 2, RFC 2202 case 2)', () => {
    const msg = utf8('what do ya want for nothing?');
    expect(toHex(hmac(SHA256, utf8('Jefe'), msg))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(toHex(hmac(SHA1, utf8('Jefe'), msg))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    const longKey = new Uint8Array(131).fill(0xaa);
    expect(toHex(hmac(SHA256, longKey, utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('round-trips unpadded base64 and rejects malformed input', () => {
    for (const len of [0, 1, 2, 3, 31, 32]) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 37) & 0xff);
      const s = base64NoPad(bytes);
      expect(s).not.toContain('=');
      expect(decodeBase64NoPad(s)).toEqual(bytes);
    }
    expect(decodeBase64NoPad('A')).toBeNull();
    expect(decodeBase64NoPad('AB')).toBeNull(); // non-zero trailing bits
    expect(decodeBase64NoPad('a$bc')).toBeNull();
  });
});
