import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ seed: 7 });

describe('guests page', () => {
  it('lists every guest of every datastore and namespace, stale ones first, and finds the one whose backups stopped', async () => {
    await t.loginAs('root@pam');
    renderApp('/guests');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(41), { timeout: 20_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    const stale = rows.map((r) => within(r).queryByText('Stale') !== null);
    // every stale row comes before every fresh one
    expect(stale.indexOf(false)).toBeGreaterThan(0);
    expect(stale.slice(stale.indexOf(false))).not.toContain(true);

    const user = userEvent.setup();
    // fileserver's offsite backups stopped some days ago; its main ones go on
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or id' }), 'fileserver');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const [, stopped, running] = within(table).getAllByRole('row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(stopped).getByText('Stale')).toBeInTheDocument();
    expect(stopped).toHaveTextContent('offsite');
    expect(stopped).toHaveTextContent(/\d days ago/);
    expect(within(stopped).getByRole('link', { name: 'fileserver' })).toHaveAttribute(
      'href',
      '/datastores/offsite/content?q=201',
    );
    expect(within(running).getByText('Fresh')).toBeInTheDocument();
    expect(within(running).getByRole('link', { name: 'fileserver' })).toHaveAttribute(
      'href',
      '/datastores/store1/content?ns=prod&q=201',
    );
  }, 60_000);

  it('finds a guest by id and shows it fresh', async () => {
    await t.loginAs('root@pam');
    renderApp('/guests?q=101');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2), { timeout: 20_000 });
    expect(within(table).getByRole('link', { name: 'web01' })).toBeInTheDocument();
    expect(within(table).getByText('Fresh')).toBeInTheDocument();
  }, 60_000);

  it("moves the thresholds from the URL and shows the newest snapshot's verify state, encryption and protection", async () => {
    await t.loginAs('root@pam');
    renderApp('/guests?q=fileserver&late=48&stale=400');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3), { timeout: 20_000 });
    expect(screen.getByLabelText('Stale after (hours)')).toHaveValue(400);
    // offsite's copy stopped 4–8 days ago: late, no longer stale, with these thresholds
    const offsite = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('offsite'));
    expect(offsite && within(offsite).getByText('Late')).toBeInTheDocument();
    await waitFor(() => expect(within(offsite!).queryByText('…')).toBeNull(), { timeout: 20_000 });
    expect(
      within(offsite!).getByText(/^(Verified|Verified, outdated|Verify failed|Not verified)$/),
    ).toBeInTheDocument();
    expect(within(offsite!).getByText(/^(None|Signed|Encrypted)$/)).toBeInTheDocument();
  }, 60_000);
});
