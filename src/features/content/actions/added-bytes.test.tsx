// A snapshot's details give what its backup brought and reused, exactly, from the index files of it and the
// previous backup of its group: the simulator's own count, never the manifest's upload statistics.
import { screen, within } from '@testing-library/react';
import { formatBytes } from '@/lib/format-bytes';
import { setupTestServer } from '@/test/render-app';
import { granted, renderAction } from './test-wrapper';
import { UploadStats } from './upload-stats';

const t = setupTestServer({ seed: 7, historyDays: 20 });

const chunks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'chunk' : 'chunks'}`;

describe('new and reused bytes of a backup', () => {
  it.each([
    ['the newest', -1],
    ['the oldest', 0],
  ])(
    'are counted for %s snapshot of vm/100 from the index files, as the simulator counts them',
    async (_, at) => {
      await t.loginAs('root@pam');
      const listed = t.sim.listSnapshots('store1', '', 'vm', '100').filter((s) => s.size !== undefined);
      const s = listed.at(at)!;
      const truth = t.sim
        .spaceTruth('store1')
        .perSnapshot()
        .find((x) => x.ns === '' && x.type === 'vm' && x.id === '100' && x.time === s['backup-time'])!;
      renderAction(<UploadStats store="store1" ns="" permissions={granted()} snapshot={s} />);
      const list = await screen.findByRole(
        'group',
        { name: 'New and reused, from the index files' },
        { timeout: 30_000 },
      );
      const reused = {
        chunks: truth.distinct.chunks - truth.added.chunks,
        bytes: truth.distinct.bytes - truth.added.bytes,
      };
      const terms = within(list)
        .getAllByRole('term')
        .map((e) => e.textContent);
      const values = within(list)
        .getAllByRole('definition')
        .map((e) => e.textContent);
      expect(terms).toEqual([
        at === 0 ? 'New (the group’s oldest backup)' : 'New since the previous backup',
        'Reused from the previous backup',
      ]);
      expect(values).toEqual([
        `${formatBytes(truth.added.bytes)} in ${chunks(truth.added.chunks)}`,
        `${formatBytes(reused.bytes)} in ${chunks(reused.chunks)}`,
      ]);
      if (at === 0) expect(reused.chunks).toBe(0);
      else expect(reused.chunks).toBeGreaterThan(truth.added.chunks);
    },
    60_000,
  );
});
