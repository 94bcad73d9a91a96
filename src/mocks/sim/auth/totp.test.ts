import { base32Decode, hotp, matchTotp, totpAt } from './totp';
import { utf8 } from './sha';

// RFC 6238 appendix B, SHA-1 rows: secret "12345678901234567890", 8 digits.
const RFC6238_SHA1: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  const secret = utf8('12345678901234567890');

  it.each(RFC6238_SHA1)('matches the RFC 6238 vector at T=%i', (time, code) => {
    expect(totpAt(secret, time, 8)).toBe(code);
  });

  it('matches the RFC 4226 HOTP vectors (6 digits)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, i) => hotp(secret, i))).toEqual(expected);
  });

  it('decodes base32 secrets as authenticator apps write them', () => {
    expect(Array.from(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'))).toEqual(Array.from(secret));
    expect(base32Decode('jbsw y3dp ehpk 3pxp')).toEqual(base32Decode('JBSWY3DPEHPK3PXP'));
  });

  it('accepts a code one step either side of now, not two', () => {
    const now = 1_700_000_000;
    const step = Math.floor(now / 30);
    expect(matchTotp(secret, totpAt(secret, now - 30), now)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, now + 30), now)).toBe(step + 1);
    expect(matchTotp(secret, totpAt(secret, now - 60), now)).toBeNull();
    expect(matchTotp(secret, '12345', now)).toBeNull();
  });
});
