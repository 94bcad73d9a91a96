// The views the reliability suite drives, opened as a user opens them, on the console's own retry policy.
import { screen, within } from '@testing-library/react';
import { treeRow } from '@/test/tree-row';
import userEvent from '@testing-library/user-event';
import { renderApp, type setupTestServer } from '@/test/render-app';
import { PRUNE_JOB, STORE, VERIFY_JOB } from './fault-cases';

export type TestServer = ReturnType<typeof setupTestServer>;

async function open(t: TestServer, path: string) {
  await t.loginAs('root@pam');
  const app = renderApp(path, { retry: true });
  return { ...app, user: userEvent.setup() };
}

/** The content treegrid of store1, its groups listed. */
export async function openContent(t: TestServer) {
  const app = await open(t, `/datastores/${STORE}/content`);
  const grid = await screen.findByRole('treegrid', {}, { timeout: 15_000 });
  await rowOf(grid, 'vm/100');
  return { ...app, grid };
}

/** The row of `grid` (a namespace, group or snapshot) whose text contains `text`. */
export const rowOf = (grid: HTMLElement, text: string) => treeRow(grid, text);

/** The snapshot rows under an opened group (level 2 of the root namespace). */
export const snapshotRows = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-level') === '2' && r.hasAttribute('aria-selected'));

/** The datastore summary of store1 with its prune jobs listed and the GC schedule field there. */
export async function openSummary(t: TestServer) {
  const app = await open(t, `/datastores/${STORE}`);
  const jobs = await screen.findByRole('region', { name: 'Prune jobs' }, { timeout: 15_000 });
  await within(jobs).findByRole('rowheader', { name: new RegExp(PRUNE_JOB) }, { timeout: 10_000 });
  const gc = screen.getByRole('region', { name: 'Garbage collection schedule' });
  await within(gc).findByLabelText('GC schedule', {}, { timeout: 10_000 });
  return { ...app, jobs, gc };
}

/** The jobs page (all datastores, or store1's), its verify job listed. */
export async function openJobs(t: TestServer, path = '/jobs') {
  const app = await open(t, path);
  const table = await screen.findByRole('table', { name: /jobs/i }, { timeout: 15_000 });
  await within(table).findByRole('row', { name: `Verify job ${VERIFY_JOB}` }, { timeout: 10_000 });
  return { ...app, table };
}

/** Replaces the text of a labelled field. */
export async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text);
}

/** `label "value"` for each labelled field, as the form shows it now. */
export function fieldValues(container: HTMLElement, labels: string[]): string {
  return labels
    .map((label) => `${label} "${(within(container).getByLabelText(label) as HTMLInputElement).value}"`)
    .join(', ');
}
