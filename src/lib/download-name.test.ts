import { decodedName, downloadName, selectionName } from './download-name';

describe('download names', () => {
  it('names files and directories as PBS does', () => {
    expect(downloadName('ct', '110', 'hosts')).toBe('ct-110-hosts');
    expect(downloadName('ct', '110', 'etc', 'zip')).toBe('ct-110-etc.zip');
    expect(downloadName('host', 'pve1', 'log', 'tar.zst')).toBe('host-pve1-log.tar.zst');
  });

  it('drops the index suffix of whole archives', () => {
    expect(decodedName('vm', '100', 'drive-scsi0.img.fidx')).toBe('vm-100-drive-scsi0.img');
    expect(decodedName('ct', '110', 'root.pxar.didx')).toBe('ct-110-root.pxar');
    expect(decodedName('ct', '110', 'pct.conf.blob')).toBe('ct-110-pct.conf');
  });

  it('names a selection after its directory', () => {
    expect(selectionName('ct', '110', 'etc')).toBe('ct-110-etc-selection.zip');
    expect(selectionName('ct', '110', '')).toBe('ct-110-root-selection.zip');
  });

  it('keeps names a file system accepts', () => {
    expect(downloadName('host', 'a', 'x:y?\u0001')).toBe('host-a-x_y__');
    expect(downloadName('ct', '1', 'Grüße')).toBe('ct-1-Grüße');
  });
});
