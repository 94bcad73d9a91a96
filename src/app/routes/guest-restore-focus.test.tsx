import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { giveElementsASize } from '@/test/element-size';
import { renderApp, setupTestServer } from '@/test/render-app';

// The restore dialog is a page of its own; closing it goes back to the content view, and focus goes back to the
// "Restore…" link that opened it, as it does to the button of any other dialog.
const t = setupTestServer();
vi.setConfig({ testTimeout: 60_000 });
giveElementsASize();

it('gives focus back to the Restore… link when the restore dialog closes', async () => {
  const newest = t.sim.listSnapshots('store1', '', 'vm', '101').at(-1)!;
  await t.loginAs('root@pam');
  const { router } = renderApp(
    `/datastores/store1/content?detail=${encodeURIComponent(`:vm/101/${newest['backup-time']}`)}`,
  );
  const detail = await screen.findByRole('region', { name: /^Snapshot vm\/101\// }, { timeout: 15_000 });
  const user = userEvent.setup();
  await user.click(await within(detail).findByRole('link', { name: 'Restore…' }, { timeout: 10_000 }));
  const dialog = await screen.findByRole('dialog', { name: /^Restore VM 101 from / }, { timeout: 15_000 });
  await user.keyboard('{Escape}');
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
  expect(router.state.location.pathname).toBe('/datastores/store1/content');
  const again = await within(
    await screen.findByRole('region', { name: /^Snapshot vm\/101\// }, { timeout: 15_000 }),
  ).findByRole('link', { name: 'Restore…' }, { timeout: 10_000 });
  await waitFor(() => expect(again).toHaveFocus());
});
