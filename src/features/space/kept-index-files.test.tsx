// What the space view keeps in this browser (here fake-indexeddb: jsdom has none): how much, and a button that
// forgets it, after which the next count downloads every index file again.
import 'fake-indexeddb/auto';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatBytes } from '@/lib/format-bytes';
import { INDEX_CACHE_LIMIT, keptIndexBytes } from '@/api/space/index-cache';
import { recordDownloads } from '@/test/downloads';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ speed: 0 });

const downloads = () => recordDownloads(t.server);

describe('the index files kept in this browser', () => {
  it('says how much is kept, and forgets it all: the next count downloads every file', async () => {
    await t.loginAs('root@pam');
    const { seen, stop } = downloads();
    try {
      renderApp('/datastores/archive/space');
      const kept = await screen.findByRole('status', { name: 'Index files kept in this browser' }, { timeout: 60_000 });
      const files = seen.length;
      expect(files).toBeGreaterThan(0);
      expect(screen.getByText(new RegExp(`\\b${files} index files downloaded\\.`))).toBeInTheDocument();
      const { bytes } = await keptIndexBytes();
      expect(kept).toHaveTextContent(
        `This browser keeps ${formatBytes(bytes)} of index files for the next count (at most ${formatBytes(INDEX_CACHE_LIMIT)}).`,
      );

      await userEvent.click(screen.getByRole('button', { name: 'Forget kept index files' }));
      expect(
        await screen.findByText('This browser keeps no index files now: the next count downloads them all.'),
      ).toBeInTheDocument();
      expect((await keptIndexBytes()).bytes).toBe(0);
      expect(screen.queryByRole('button', { name: 'Forget kept index files' })).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: 'Count again' }));
      await screen.findByRole('status', { name: 'Index files kept in this browser' }, { timeout: 60_000 });
      expect(seen).toHaveLength(2 * files);
      expect(screen.getByText(new RegExp(`\\b${files} index files downloaded\\.`))).toBeInTheDocument();
    } finally {
      stop();
    }
  }, 120_000);
});
