import { encryptionOf, keyId } from './encryption';

const f = (filename: string, mode?: 'none' | 'encrypt' | 'sign-only') => ({
  filename,
  ...(mode && { 'crypt-mode': mode }),
});

describe('encryption summary', () => {
  it('ignores the manifest and files without a crypt mode', () => {
    expect(
      encryptionOf([
        f('qemu-server.conf.blob', 'encrypt'),
        f('drive-scsi0.img.fidx', 'encrypt'),
        f('index.json.blob', 'sign-only'),
        f('client.log.blob'),
      ]),
    ).toBe('encrypted');
    expect(
      encryptionOf([
        f('pct.conf.blob', 'sign-only'),
        f('root.pxar.didx', 'sign-only'),
        f('index.json.blob', 'sign-only'),
      ]),
    ).toBe('signed');
    expect(encryptionOf([f('pct.conf.blob', 'none'), f('index.json.blob', 'none')])).toBe('none');
  });

  it('calls a mix mixed, and nothing none', () => {
    expect(encryptionOf([f('a.blob', 'encrypt'), f('b.fidx', 'none')])).toBe('mixed');
    expect(encryptionOf([f('a.blob', 'encrypt'), f('b.fidx', 'sign-only')])).toBe('mixed');
    expect(encryptionOf([])).toBe('none');
    expect(encryptionOf(undefined)).toBe('none');
  });

  it('shows a key by its first eight bytes', () => {
    expect(keyId('6b:fd:c8:61:c1:1b:6d:0b:b0:31:d5:08')).toBe('6b:fd:c8:61:c1:1b:6d:0b');
  });
});
