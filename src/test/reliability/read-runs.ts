// The read faults, met in the content view: a group's snapshot list that is slow, fails, drops or is refused.
import { screen, waitFor, within } from '@testing-library/react';
import { invalidateChanges, changes } from '@/api/queries/invalidation';
import { defaultServer } from '@/api/queries/default-server';
import { faultRules } from '@/mocks/handlers/fault-rules';
import { openContent, rowOf, snapshotRows, type TestServer } from './console-steps';
import { faultCase, SNAPSHOTS, type Outcome } from './fault-cases';
import { countRequests, noticeShown, waitsOf, watchNotice } from './fault-probe';

const LOADING = 'Loading snapshots…';
const noticeText = (seen: string[]) => (seen.length === 0 ? 'no notice' : `notice "${seen[0]}"`);

/** Opens group vm/100 with the case's rule in force; the requests for its snapshots are counted from here. */
async function openGroupUnder(t: TestServer, id: string) {
  const view = await openContent(t);
  const seen = watchNotice();
  const log = countRequests(t.server, 'GET', SNAPSHOTS);
  faultRules(t.sim).add(faultCase(id).rule);
  await view.user.click(await rowOf(view.grid, 'vm/100'));
  return { ...view, seen, log };
}

const loadingRow = (grid: HTMLElement) => within(grid).findByText(LOADING, {}, { timeout: 10_000 });
const untilSnapshots = (grid: HTMLElement, timeout: number) =>
  waitFor(() => expect(snapshotRows(grid).length).toBeGreaterThan(0), { timeout });

/** A slow answer: the loading row stays, calm, with one request and no notice, until the answer shows. */
export async function slowRead(t: TestServer, id: string): Promise<Outcome> {
  const { grid, seen, log } = await openGroupUnder(t, id);
  const loading = await loadingRow(grid);
  await untilSnapshots(grid, 20_000);
  expect(log.count).toBe(1);
  expect(seen).toEqual([]);
  return {
    seen: `"${loading.textContent}" until the answer, then the snapshots; ${noticeText(seen)}`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: true },
  };
}

/**
 * A 30 s answer, on fake timers that also run at real pace (so the screen and msw keep going): the clock jumps
 * through the wait in steps, the loading row and the single request checked at each.
 */
export async function verySlowRead(t: TestServer, id: string): Promise<Outcome> {
  const { grid, seen, log } = await openGroupUnder(t, id);
  const loading = await loadingRow(grid);
  const checks: number[] = [];
  for (const second of [10, 20, 29]) {
    await vi.advanceTimersByTimeAsync(second * 1000 - (checks.at(-1) ?? 0) * 1000);
    expect(within(grid).getByText(LOADING)).toBeInTheDocument();
    expect(log.count).toBe(1);
    expect(seen).toEqual([]);
    checks.push(second);
  }
  await vi.advanceTimersByTimeAsync(1_000);
  await untilSnapshots(grid, 10_000);
  expect(log.count).toBe(1);
  expect(seen).toEqual([]);
  return {
    seen: `"${loading.textContent}" at ${checks.join(' s, ')} s, then the snapshots; ${noticeText(seen)}`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: true },
  };
}

/** A blip: one dropped answer, asked again after 1 s, unseen by the user. */
export async function droppedRead(t: TestServer, id: string): Promise<Outcome> {
  const { grid, seen, log } = await openGroupUnder(t, id);
  const loading = await loadingRow(grid);
  await untilSnapshots(grid, 10_000);
  expect(log.count).toBe(2);
  expect(seen).toEqual([]);
  return {
    seen: `"${loading.textContent}" ${waitsOf(log)[0]} s longer, then the snapshots; ${noticeText(seen)}`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: true },
  };
}

/** A refusal: said in the group's place at once, and not asked again. */
export async function refusedRead(t: TestServer, id: string): Promise<Outcome> {
  const { grid, seen, log } = await openGroupUnder(t, id);
  const row = await within(grid).findByText(/^Cannot list the snapshots: /, {}, { timeout: 10_000 });
  // the row shows once the read has given up: no retry is left to come
  expect(log.count).toBe(1);
  expect(seen).toEqual([]);
  return {
    seen: `"${row.textContent}" in the group's place; ${noticeText(seen)}`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: false },
  };
}

/** A 500 twice while a list is on screen: it stays, with the selection, the notice counts down, and it recovers. */
export async function failingRefetch(t: TestServer, id: string): Promise<Outcome> {
  const { grid, user, queryClient } = await openContent(t);
  await user.click(await rowOf(grid, 'vm/100'));
  await untilSnapshots(grid, 10_000);
  const chosen = snapshotRows(grid)[0]!;
  const selected = () => grid.querySelector(`[data-key="${chosen.getAttribute('data-key')}"]`);
  await user.click(chosen.querySelector('[data-select-toggle]')!);
  const selection = within(screen.getByRole('region', { name: 'Selected snapshots' })).getByRole('status');
  await waitFor(() => expect(selection).toHaveTextContent('1 snapshot selected'));

  let beside: { rows: number; selected: string | null | undefined } | undefined;
  const seen = watchNotice(() => {
    beside = { rows: snapshotRows(grid).length, selected: selected()?.getAttribute('aria-selected') };
  });
  const log = countRequests(t.server, 'GET', SNAPSHOTS);
  faultRules(t.sim).add(faultCase(id).rule);
  // what a finished backup or prune task does: its content is read again
  void invalidateChanges(queryClient, changes.content(defaultServer));
  // the rule answers twice, then the list comes back by itself
  await waitFor(() => expect(log.count).toBe(3), { timeout: 10_000 });
  await waitFor(() => expect(noticeShown()).toBeNull());
  expect(seen[0]).toMatch(/^The backup server answered with an error — internal server error \(simulated fault\)\. /);
  expect(beside?.rows).toBeGreaterThan(0);
  expect(beside?.selected).toBe('true');
  expect(selected()).toHaveAttribute('aria-selected', 'true');
  expect(selection).toHaveTextContent('1 snapshot selected');
  return {
    seen: `${noticeText(seen)}; beside it ${beside?.rows ? 'the snapshots stay on screen' : 'no snapshot'}`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: true },
    kept: `"${selection.textContent}", the same row still selected, during and after`,
  };
}

/** Every call dropped: the console says the server is unreachable, keeps the page, and comes back by itself. */
export async function offline(t: TestServer, id: string): Promise<Outcome> {
  const { grid, user } = await openContent(t);
  let groupsListed = false;
  // back online the moment the console says it is not: two failed attempts, whatever the pace of the test
  const seen = watchNotice(() => {
    groupsListed = grid.textContent?.includes('vm/100') ?? false;
    faultRules(t.sim).clear();
  });
  const log = countRequests(t.server, 'GET', SNAPSHOTS);
  faultRules(t.sim).add(faultCase(id).rule);
  await user.click(await rowOf(grid, 'vm/100'));
  await untilSnapshots(grid, 15_000);
  await waitFor(() => expect(noticeShown()).toBeNull());
  expect(seen[0]).toMatch(/^Cannot reach the backup server — Retrying in \d s\.$/);
  expect(groupsListed).toBe(true);
  expect(log.count).toBe(3);
  return {
    seen: `${noticeText(seen)} over the page, ${groupsListed ? 'the groups still listed' : 'no group listed'}; then the snapshots`,
    reads: { requests: log.count, waits: waitsOf(log), recovered: true },
  };
}
