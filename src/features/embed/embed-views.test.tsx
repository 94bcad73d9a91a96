import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupTestServer } from '@/test/render-app';
import { EmbedApp } from './embed-app';

// The simulator answers in-process: on a busy machine the first answer can take seconds.
const slow = { timeout: 10_000 };

const t = setupTestServer({ handlers: { embedApi: true } });

function renderEmbed(path: string) {
  const url = new URL(path, 'http://deck');
  return render(<EmbedApp pathname={url.pathname} search={url.search} retry={0} />);
}

describe('embed views', () => {
  it('shows every datastore with its figures and state, without any login', async () => {
    renderEmbed('/embed/overview');
    const stores = t.sim.datastoreUsage();
    expect(stores.length).toBeGreaterThan(1);
    for (const item of stores) {
      const tile = await screen.findByRole('region', { name: `Datastore ${item.store}` }, slow);
      expect(within(tile).getByText(/^(ok|warning|full|failing)(:|$)/)).toBeInTheDocument();
      if (item.error) continue;
      expect(within(tile).getByText('Estimated full')).toBeInTheDocument();
      expect(within(tile).getByText('Deduplication')).toBeInTheDocument();
      expect(within(tile).getByText('Last GC')).toBeInTheDocument();
      expect(within(tile).getByText('Last verify')).toBeInTheDocument();
      expect(within(tile).getByRole('progressbar', { name: `Usage of ${item.store}` })).toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { level: 1, name: /^Backups: (ok|warning|full|failing)$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /failed tasks? in 24 h|no failed tasks in 24 h/i })).toHaveAttribute('href', '/tasks');
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
    expect(await within(tile).findByRole('img', { name: `Usage of ${store} over the last month` }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: /^Datastore / })).toHaveLength(1);
    view.unmount();
    renderEmbed('/embed/datastore/nope');
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent('No datastore named “nope”');
  });

  it('lists running tasks and the failed ones of the last day, each linking to its log', async () => {
    renderEmbed('/embed/tasks');
    const running = await screen.findByRole('region', { name: /^Running \(\d+\)$/ }, slow);
    const failed = screen.getByRole('region', { name: /^Failed in 24 h \(\d+\)$/ });
    const now = t.sim.now();
    const expected = t.sim.listTasks({ since: now - 86_400, errors: true, limit: 1000 }).data.filter((x) => x.endtime !== undefined && now - x.endtime <= 86_400);
    expect(failed).toHaveAccessibleName(`Failed in 24 h (${expected.length})`);
    for (const task of expected) {
      expect(within(failed).getAllByRole('link').some((a) => a.getAttribute('href') === `/tasks/${encodeURIComponent(task.upid)}`)).toBe(true);
    }
    expect(within(running).queryAllByRole('listitem').length + (within(running).queryByText('Nothing is running.') ? 1 : 0)).toBeGreaterThan(0);
  });

  it('explains a deck without an embed token', async () => {
    t.server.use(
      http.get('/embed-api/*', () =>
        new HttpResponse('the embed API is off: set EMBED_TOKEN to a read-only PBS API token (see docs/deployment.md)', { status: 404 }),
      ),
    );
    renderEmbed('/embed/overview');
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(/no read-only token for embedded views.*EMBED_TOKEN/);
  });

  it('names the views that exist for any other path', async () => {
    renderEmbed('/embed/admin');
    expect(await screen.findByRole('heading', { name: 'No such embedded view' })).toBeInTheDocument();
  });
});
