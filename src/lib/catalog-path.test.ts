import {
  archiveRoot,
  browseHref,
  catalogBreadcrumb,
  catalogParam,
  decodeCatalogPath,
  encodeCatalogPath,
  catalogAncestors,
  innerPath,
  outerPath,
  isFileArchive,
  joinCatalogPath,
  parentCatalogPath,
  relativeCatalogPath,
} from './catalog-path';

describe('catalog paths', () => {
  it('encodes paths as padded standard base64 of their UTF-8 bytes', () => {
    expect(encodeCatalogPath('/root.pxar.didx')).toBe('L3Jvb3QucHhhci5kaWR4');
    expect(encodeCatalogPath('/a')).toBe('L2E=');
    expect(encodeCatalogPath('/ab')).toBe('L2Fi');
    // the standard alphabet's + and /, not the URL-safe - and _
    expect(encodeCatalogPath('/>?')).toBe('Lz4/');
    expect(encodeCatalogPath('/>>')).toBe('Lz4+');
    expect(encodeCatalogPath('/etc/Grüße 🗂')).toBe(Buffer.from('/etc/Grüße 🗂', 'utf8').toString('base64'));
  });

  it('decodes what it encodes, whatever the script', () => {
    for (const p of ['/', '/root.pxar.didx/home/jörg/naïve résumé.txt', '/日本語/ファイル', '/emoji/📁/a+b=c']) {
      expect(decodeCatalogPath(encodeCatalogPath(p))).toBe(p);
    }
  });

  it('asks for the top level as root', () => {
    expect(catalogParam('/')).toBe('root');
    expect(catalogParam('/root.pxar.didx')).toBe('L3Jvb3QucHhhci5kaWR4');
  });

  it('addresses plain archives by name and split ones from their own root', () => {
    expect(archiveRoot('root.pxar.didx')).toBe('/root.pxar.didx');
    expect(archiveRoot('root.mpxar.didx')).toBe('/');
    expect(isFileArchive('root.pxar.didx')).toBe(true);
    expect(isFileArchive('root.mpxar.didx')).toBe(true);
    expect(isFileArchive('root.ppxar.didx')).toBe(false);
    expect(isFileArchive('drive-scsi0.img.fidx')).toBe(false);
  });

  it('joins, splits and names paths', () => {
    expect(joinCatalogPath('/root.pxar.didx', 'etc')).toBe('/root.pxar.didx/etc');
    expect(joinCatalogPath('/', 'etc')).toBe('/etc');
    expect(parentCatalogPath('/root.pxar.didx/etc/ssh', '/root.pxar.didx')).toBe('/root.pxar.didx/etc');
    expect(parentCatalogPath('/root.pxar.didx/etc', '/root.pxar.didx')).toBe('/root.pxar.didx');
    expect(parentCatalogPath('/root.pxar.didx', '/root.pxar.didx')).toBeNull();
    expect(parentCatalogPath('/etc', '/')).toBe('/');
    expect(parentCatalogPath('/', '/')).toBeNull();
    expect(innerPath('/root.pxar.didx/etc/hosts', '/root.pxar.didx')).toBe('/etc/hosts');
    expect(innerPath('/root.pxar.didx', '/root.pxar.didx')).toBe('/');
    expect(innerPath('/etc/hosts', '/')).toBe('/etc/hosts');
    expect(relativeCatalogPath('/r.pxar.didx/etc/ssh/sshd_config', '/r.pxar.didx/etc')).toBe('ssh/sshd_config');
  });

  it('turns paths inside the archive back into catalog paths', () => {
    expect(outerPath('/etc/ssh', '/root.pxar.didx')).toBe('/root.pxar.didx/etc/ssh');
    expect(outerPath('/', '/root.pxar.didx')).toBe('/root.pxar.didx');
    expect(outerPath('etc//../x/', '/')).toBe('/etc/x');
    expect(catalogAncestors('/root.pxar.didx/etc/ssh', '/root.pxar.didx')).toEqual([
      '/root.pxar.didx',
      '/root.pxar.didx/etc',
      '/root.pxar.didx/etc/ssh',
    ]);
  });

  it('builds a breadcrumb from the archive down', () => {
    expect(catalogBreadcrumb('/root.pxar.didx/etc/ssh', '/root.pxar.didx', 'root.pxar.didx')).toEqual([
      { path: '/root.pxar.didx', label: 'root.pxar.didx' },
      { path: '/root.pxar.didx/etc', label: 'etc' },
      { path: '/root.pxar.didx/etc/ssh', label: 'ssh' },
    ]);
    expect(catalogBreadcrumb('/var/log', '/', 'root.mpxar.didx').map((c) => c.path)).toEqual(['/', '/var', '/var/log']);
    expect(catalogBreadcrumb('/other.pxar.didx/x', '/root.pxar.didx', 'root')).toHaveLength(1);
  });

  it('links to the browse page with the snapshot in the query', () => {
    expect(
      browseHref('store1', { ns: 'prod/db', type: 'ct', id: '310', time: 1700000000, archive: 'root.pxar.didx' }),
    ).toBe('/datastores/store1/browse?ns=prod%2Fdb&type=ct&id=310&time=1700000000&archive=root.pxar.didx');
    expect(browseHref('s 1', { ns: '', type: 'host', id: 'pve1', time: 1 })).toBe(
      '/datastores/s%201/browse?type=host&id=pve1&time=1',
    );
  });
});
