import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { browseHref } from '@/lib/catalog-path';
import { encodeCatalogPath } from '@/lib/catalog-path';
import { renderApp, setupTestServer } from '@/test/render-app';
import { readZip } from './testing/read-zip';

const t = setupTestServer();
// a busy two-core machine: the first render imports the whole console
vi.setConfig({ testTimeout: 60_000 });

const newest = (ns: string, type: 'vm' | 'ct', id: string) => {
  const list = t.sim.listSnapshots('store1', ns, type, id);
  return list.reduce((a, b) => (b['backup-time'] > a['backup-time'] ? b : a))['backup-time'];
};
const table = (name: string | RegExp) => screen.findByRole('grid', { name }, { timeout: 20_000 });
const rowNames = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('rowheader')
    .map((c) => c.textContent);

describe('browsing the files of a snapshot', () => {
  it('lists a container archive, opens folders from the table, tree and breadcrumb, and sorts', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    renderApp(
      browseHref('store1', { ns: '', type: 'ct', id: '110', time: newest('', 'ct', '110'), archive: 'root.pxar.didx' }),
    );
    const top = await table('Contents of root');
    expect(rowNames(top)).toEqual(expect.arrayContaining(['etc', 'usr', 'tmp']));
    expect(screen.getByRole('treegrid', { name: 'Directories of root.pxar.didx' })).toBeInTheDocument();

    await user.click(within(top).getByRole('rowheader', { name: 'etc' }));
    const etc = await table('Contents of etc');
    expect(within(screen.getByRole('navigation', { name: 'Current directory' })).getByText('etc')).toHaveAttribute(
      'aria-current',
      'location',
    );
    const names = rowNames(etc);
    // folders first, then files by name
    expect(names.indexOf('apt')).toBeLessThan(names.indexOf('hostname'));
    const hostsRow = within(etc).getByRole('row', { name: /hosts/ });
    expect(hostsRow).toHaveTextContent(/\d+ B/);

    await user.click(within(etc).getByRole('columnheader', { name: 'Size' }));
    await waitFor(() =>
      expect(within(etc).getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending'),
    );
    await user.click(within(etc).getByRole('columnheader', { name: 'Size' }));
    await waitFor(() =>
      expect(within(etc).getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending'),
    );

    const tree = screen.getByRole('treegrid', { name: 'Directories of root.pxar.didx' });
    await user.click(await within(tree).findByRole('row', { name: /ssh/ }));
    expect(await table('Contents of ssh')).toHaveTextContent('sshd_config');
    await user.click(
      within(screen.getByRole('navigation', { name: 'Current directory' })).getByRole('button', {
        name: 'root.pxar.didx',
      }),
    );
    expect(await table('Contents of root')).toBeInTheDocument();
  });

  it('finds a file three folders deep by name, selects it and a folder with the keyboard', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    renderApp(
      browseHref('store1', { ns: '', type: 'ct', id: '110', time: newest('', 'ct', '110'), archive: 'root.pxar.didx' }),
    );
    await table('Contents of root');
    await user.type(screen.getByRole('searchbox', { name: 'Search files by name' }), 'debian.sources');
    const results = await table('Files named like “debian.sources”');
    const hit = await within(results).findByRole('row', { name: /debian\.sources/ }, { timeout: 30_000 });
    expect(hit).toHaveTextContent('/etc/apt/sources.list.d');
    await waitFor(() => expect(screen.getByText(/the whole archive was searched/)).toBeInTheDocument(), {
      timeout: 30_000,
    });

    await user.click(within(hit).getByRole('checkbox'));
    await user.clear(screen.getByRole('searchbox', { name: 'Search files by name' }));
    const top = await table('Contents of root');
    within(top).getByRole('row', { name: /^etc/ }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('toolbar', { name: 'Download' })).toHaveTextContent('2 items selected');
    expect(screen.getByRole('button', { name: 'Download 2 items as zip' })).toBeEnabled();
    // with items selected a click on a row selects it; a folder's name still opens it, and the selection stays
    await user.click(within(top).getByRole('button', { name: 'etc' }));
    expect(await table('Contents of etc')).toBeInTheDocument();
    expect(screen.getByRole('toolbar', { name: 'Download' })).toHaveTextContent('2 items selected');
  });

  it('zips several selected items in the browser, folders with their contents', async () => {
    await t.loginAs('root@pam');
    const time = newest('', 'ct', '110');
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, b as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
    const user = userEvent.setup();
    renderApp(`${browseHref('store1', { ns: '', type: 'ct', id: '110', time, archive: 'root.pxar.didx' })}&path=/etc`);
    const etc = await table('Contents of etc');
    await user.click(within(within(etc).getByRole('row', { name: /^hostname/ })).getByRole('checkbox'));
    await user.click(within(within(etc).getByRole('row', { name: /^ssh/ })).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Download 2 items as zip' }));
    const downloads = await screen.findByRole('region', { name: 'Downloads' });
    await waitFor(() => expect(within(downloads).getByRole('status')).toHaveTextContent(/^Saved/), { timeout: 20_000 });
    expect(saved.map((s) => s.name)).toEqual(['ct-110-etc-selection.zip']);

    const entries = readZip(new Uint8Array(await saved[0]!.blob.arrayBuffer()));
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['hostname', 'ssh/', 'ssh/sshd_config', 'ssh/ssh_config']));
    const viaApi = async (path: string) => {
      const q = new URLSearchParams({
        'backup-type': 'ct',
        'backup-id': '110',
        'backup-time': String(time),
        filepath: encodeCatalogPath(path),
      });
      return new Uint8Array(
        await (await fetch(`/api2/json/admin/datastore/store1/pxar-file-download?${q.toString()}`)).arrayBuffer(),
      );
    };
    expect(entries.find((e) => e.name === 'ssh/sshd_config')?.data).toEqual(
      await viaApi('/root.pxar.didx/etc/ssh/sshd_config'),
    );
    expect(new TextDecoder().decode(entries.find((e) => e.name === 'hostname')?.data)).toBe(
      new TextDecoder().decode(await viaApi('/root.pxar.didx/etc/hostname')),
    );
    vi.restoreAllMocks();
  });

  it('reads split archives through archive-name, and says when a folder is empty', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    renderApp(
      browseHref('store1', {
        ns: '',
        type: 'ct',
        id: '111',
        time: newest('', 'ct', '111'),
        archive: 'root.mpxar.didx',
      }),
    );
    const top = await table('Contents of root');
    expect(rowNames(top)).toEqual(expect.arrayContaining(['etc', 'usr', 'mnt']));
    await user.click(within(top).getByRole('rowheader', { name: 'mnt' }));
    expect(await table('Contents of mnt')).toHaveTextContent('This folder is empty.');
  });

  it('refuses an encrypted archive with the reason, before asking the server', async () => {
    await t.loginAs('root@pam');
    renderApp(browseHref('store1', { ns: 'prod/db', type: 'ct', id: '310', time: newest('prod/db', 'ct', '310') }));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('root.pxar.didx is encrypted: its files cannot be browsed or downloaded here');
    expect(alert).toHaveTextContent('the server never holds the key');
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('picks among several file archives of a host backup', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    const time = 1_700_000_000;
    const files = ['root.pxar.didx', 'etc.pxar.didx', 'catalog.pcat1.didx', 'index.json.blob'].map((filename) => ({
      filename,
      size: 1024,
      'crypt-mode': 'none',
    }));
    t.server.use(
      http.get('/api2/json/admin/datastore/:store/snapshots', () =>
        HttpResponse.json({
          data: [
            { 'backup-type': 'host', 'backup-id': 'pve1', 'backup-time': time, files, size: 4096, owner: 'root@pam' },
          ],
        }),
      ),
      http.get('/api2/json/admin/datastore/:store/catalog', () => HttpResponse.json({ data: [] })),
    );
    renderApp(browseHref('store1', { ns: '', type: 'host', id: 'pve1', time }));
    const picker = await screen.findByRole('combobox', { name: 'Archive' }, { timeout: 20_000 });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['root.pxar.didx', 'etc.pxar.didx']);
    expect(screen.getByRole('treegrid', { name: 'Directories of root.pxar.didx' })).toBeInTheDocument();
    await user.selectOptions(picker, 'etc.pxar.didx');
    expect(await screen.findByRole('treegrid', { name: 'Directories of etc.pxar.didx' })).toBeInTheDocument();
    expect(await table('Contents of etc')).toHaveTextContent('This folder is empty.');
  });

  it('shows PBS’s error when the catalog cannot be read', async () => {
    await t.loginAs('root@pam');
    const text =
      'unable to read dynamic index \'"/mnt/store1/ct/110/x/catalog.pcat1.didx"\' - No such file or directory (os error 2)';
    t.server.use(http.get('/api2/json/admin/datastore/:store/catalog', () => new HttpResponse(text, { status: 400 })));
    renderApp(
      browseHref('store1', { ns: '', type: 'ct', id: '110', time: newest('', 'ct', '110'), archive: 'root.pxar.didx' }),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('The file catalog of this archive cannot be read');
    expect(alert).toHaveTextContent(text);
  });

  it('asks before holding a large disk image in memory', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    renderApp(browseHref('store1', { ns: '', type: 'vm', id: '100', time: newest('', 'vm', '100') }));
    const section = await screen.findByRole('region', { name: 'Download whole files' }, { timeout: 20_000 });
    await user.click(within(section).getByRole('button', { name: 'Download drive-scsi0.img.fidx' }));
    const dialog = await screen.findByRole('dialog', { name: 'Download a large file into memory?' });
    expect(dialog).toHaveTextContent(/vm-100-drive-scsi0\.img is [\d.]+ GiB/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('region', { name: 'Downloads' })).toBeNull();
  });

  it('shows a download’s progress in bytes and cancels it', async () => {
    await t.loginAs('root@pam');
    // two MiB, then the server goes quiet: the download stays running until cancelled
    t.server.use(
      http.get('/api2/json/admin/datastore/:store/download-decoded', () => {
        const body = new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new Uint8Array(2 * 1024 * 1024));
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'application/octet-stream' } });
      }),
    );
    const user = userEvent.setup();
    renderApp(browseHref('store1', { ns: '', type: 'vm', id: '100', time: newest('', 'vm', '100') }));
    const section = await screen.findByRole('region', { name: 'Download whole files' }, { timeout: 20_000 });
    await user.click(within(section).getByRole('button', { name: 'Download qemu-server.conf.blob' }));
    const job = await screen.findByRole('listitem', { name: 'vm-100-qemu-server.conf' });
    await waitFor(() => expect(within(job).getByRole('status')).toHaveTextContent(/^2 MiB of [\d.]+ (B|KiB)$/));
    await user.click(within(job).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(within(job).getByRole('status')).toHaveTextContent('Cancelled after 2 MiB'));
  });

  it('offers whole disks of a VM, and refuses encrypted ones with the reason', async () => {
    await t.loginAs('root@pam');
    renderApp(
      browseHref('store1', {
        ns: 'prod/db',
        type: 'vm',
        id: '300',
        time: newest('prod/db', 'vm', '300'),
        archive: 'drive-scsi0.img.fidx',
      }),
    );
    const section = await screen.findByRole('region', { name: 'Download whole files' }, { timeout: 20_000 });
    expect(section).toHaveTextContent('File-level restore of a VM disk happens in Proxmox VE');
    const disk = within(section).getByText('drive-scsi0.img.fidx').closest('li')!;
    expect(disk).toHaveTextContent('Encrypted: only the key holder can restore it, with proxmox-backup-client');
    expect(within(disk).queryByRole('button')).toBeNull();
  });
});
