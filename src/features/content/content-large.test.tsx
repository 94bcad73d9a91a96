import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { giveElementsASize } from '@/test/element-size';
import { renderApp, setupTestServer } from '@/test/render-app';

// The large profile: 600 groups, 1000 snapshots each. The document must stay small whatever is open.
const t = setupTestServer({ profile: 'large' });

giveElementsASize();

describe('datastore content at scale', () => {
  it('keeps under 300 rows in the document with 600 groups and a 1000-snapshot group open', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1/content');
    const grid = await screen.findByRole('treegrid', {}, { timeout: 30_000 });
    const rows = () =>
      within(grid)
        .getAllByRole('row')
        .filter((r) => r.hasAttribute('aria-level'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(grid).toHaveAttribute('aria-rowcount', '601');
    expect(rows().length).toBeLessThan(300);

    const first = rows()[0]!;
    expect(first).toHaveAttribute('aria-setsize', '600');
    await userEvent.setup().click(first);
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', String(601 + 1000)), { timeout: 30_000 });
    expect(document.querySelectorAll('[role="row"]').length).toBeLessThan(300);
    expect(rows().filter((r) => r.getAttribute('aria-level') === '2').length).toBeGreaterThan(10);
  }, 90_000);
});
