import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupTestServer } from '@/test/render-app';
import { EmbedApp } from './embed-app';

// The simulator answers in-process: on a busy machine the first answer can take seconds.
const slow = { timeout: 10_000 };

// Pinned to Wednesday 2 December 2026, 11:00 UTC, whatever TEST_SIM_START says: the figures below are literals.
const t = setupTestServer({ handlers: { embedApi: true }, startTime: 1_796_209_200 });

function renderEmbed(path: string) {
  const url = new URL(path, 'http://deck');
  return render(<EmbedApp pathname={url.pathname} search={url.search} retry={0} />);
}

describe('embed views', () => {
  it('shows every datastore with its figures and state, without any login', async () => {
    renderEmbed('/embed/overview');
    // Seed 1 at the pinned start: store1's last verify failed four days before (Saturday), within the seven days
    // the health rules look back, so store1 is failing; archive is in maintenance and has never been collected.
    const expected = {
      archive: [
        'ok',
        '6.0 %',
        'Used246 GiB of 4 TiB',
        'Estimated fullNever',
        'Deduplicationno GC yet',
        'Last GCnever ran',
        'Last verifynone seen',
      ],
      offsite: [
        'ok',
        '6.2 %',
        'Used512 GiB of 8 TiB',
        'Estimated fullin 5 years',
        'Deduplication7.03',
        'Last GC4 days ago',
        'Last verifyok, 3 days ago',
      ],
      store1: [
        'failing',
        '13.5 %',
        'Used1.62 TiB of 12 TiB',
        'Estimated fullin 4 years',
        'Deduplication9.31',
        'Last GC12 hours ago',
        'Last verifyfailed, 4 days ago',
      ],
    };
    for (const [store, [state, ...figures]] of Object.entries(expected)) {
      const tile = await screen.findByRole('region', { name: `Datastore ${store}` }, slow);
      expect(within(tile).getByText(state!)).toBeInTheDocument();
      for (const figure of figures) expect(tile).toHaveTextContent(figure);
      expect(within(tile).getByRole('progressbar', { name: `Usage of ${store}` })).toBeInTheDocument();
    }
    expect(screen.getAllByRole('region', { name: /^Datastore / })).toHaveLength(3);
    expect(screen.getByRole('heading', { level: 1, name: 'Backups: failing' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^No failed tasks in 24 h/ })).toHaveAttribute('href', '/tasks');
  });

  it('opens the console only in a new tab, and offers nothing that changes PBS', async () => {
    renderEmbed('/embed/overview');
    const store = t.sim.datastoreUsage()[0]!.store;
    await screen.findByRole('region', { name: `Datastore ${store}` }, slow);
    const links = screen.getAllByRole('link');
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener');
      expect(link).toHaveAccessibleName(/opens in a new tab/);
    }
    expect(screen.getByRole('link', { name: new RegExp(`^${store}`) })).toHaveAttribute('href', `/datastores/${store}`);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(document.querySelector('form')).toBeNull();
  });

  it('shows one datastore with its usage chart, and says so for an unknown one', async () => {
    const store = t.sim.datastoreUsage().find((d) => !d.error)!.store;
    const view = renderEmbed(`/embed/datastore/${store}`);
    const tile = await screen.findByRole('region', { name: `Datastore ${store}` }, slow);
    expect(
      await within(tile).findByRole('img', { name: `Usage of ${store} over the last month` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: /^Datastore / })).toHaveLength(1);
    view.unmount();
    renderEmbed('/embed/datastore/nope');
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent('No datastore named “nope”');
  });

  it('lists running tasks and the failed ones of the last day, each linking to its log', async () => {
    // Wednesday 11:00 UTC: a verify of offsite fails on a corrupt chunk; 25 hours later (Thursday 12:00, after the
    // nightly jobs) another one fails, and a GC of store1 is still running.
    t.host.reset({ startTime: 1_796_209_200 });
    const sim = t.sim;
    sim.corruptChunks('offsite', 1);
    const old = sim.startVerify('offsite', { ignoreVerified: false }, 'root@pam');
    sim.advance(25 * 3600);
    sim.corruptChunks('offsite', 1);
    const recent = sim.startVerify('offsite', { ignoreVerified: false }, 'root@pam');
    sim.advance(3600);
    const gc = sim.startGc('store1', 'root@pam');
    renderEmbed('/embed/tasks');
    const running = await screen.findByRole('region', { name: 'Running (1)' }, slow);
    const failed = screen.getByRole('region', { name: 'Failed in 24 h (1)' });
    const link = (upid: string) => `/tasks/${encodeURIComponent(upid)}`;
    expect(within(running).getByRole('link', { name: /^Garbage collection on store1/ })).toHaveAttribute(
      'href',
      link(gc),
    );
    const failure = within(failed).getByRole('listitem');
    expect(failure).toHaveTextContent('verification failed - please check the log for details');
    expect(within(failure).getByRole('link', { name: /^Verify datastore offsite/ })).toHaveAttribute(
      'href',
      link(recent),
    );
    expect(
      within(failed)
        .queryAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).not.toContain(link(old));
  });

  it('explains a deck without an embed token', async () => {
    t.server.use(
      http.get(
        '/embed-api/*',
        () =>
          new HttpResponse(
            'the embed API is off: set EMBED_TOKEN to a read-only PBS API token (see docs/deployment.md)',
            { status: 404 },
          ),
      ),
    );
    renderEmbed('/embed/overview');
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(
      /no read-only token for embedded views.*EMBED_TOKEN/,
    );
  });

  it('names the views that exist for any other path', async () => {
    renderEmbed('/embed/admin');
    expect(await screen.findByRole('heading', { name: 'No such embedded view' })).toBeInTheDocument();
  });
});
