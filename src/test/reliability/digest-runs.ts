// A digest conflict (someone else changed the config in between) on every config change the console offers: said
// in place, sent once, and what the user typed still on screen.
import { screen, waitFor, within } from '@testing-library/react';
import { faultRules } from '@/mocks/handlers/fault-rules';
import { fieldValues, openJobs, openSummary, retype, type TestServer } from './console-steps';
import { faultCase, PRUNE_JOB, STORE, VERIFY_JOB, type Outcome } from './fault-cases';
import { countRequests, quoted, textOf } from './fault-probe';

type User = Awaited<ReturnType<typeof openSummary>>['user'];

/** Sets the case's rule, presses `button` in `container`, and reads what the conflict says there. */
async function saveIntoConflict(t: TestServer, id: string, user: User, container: HTMLElement, button: string) {
  const { rule } = faultCase(id);
  const log = countRequests(t.server, rule.method ?? 'GET', rule.path);
  faultRules(t.sim).add(rule);
  await user.click(within(container).getByRole('button', { name: button }));
  const alert = await within(container).findByRole('alert', {}, { timeout: 10_000 });
  expect(log.count).toBe(1);
  return { alert, log };
}

const PBS_CONFLICT = 'detected modified configuration - file changed by other user? Try again.';

export async function addVerifyJob(t: TestServer, id: string): Promise<Outcome> {
  const { user } = await openJobs(t, `/datastores/${STORE}/jobs`);
  await user.click(screen.getByRole('button', { name: 'Add verify job' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
  await user.type(within(dialog).getByLabelText('Job ID'), 'after-outage');
  await retype(user, within(dialog).getByLabelText('Schedule'), 'mon..fri 02:30');
  const { alert, log } = await saveIntoConflict(t, id, user, dialog, 'Create');
  expect(textOf(alert)).toBe(`The job was not saved — ${PBS_CONFLICT}`);
  const kept = fieldValues(dialog, ['Job ID', 'Schedule']);
  const sent = log.count;
  // a new job has nothing to reload: Create stays, and the next one goes through
  await user.click(within(dialog).getByRole('button', { name: 'Create' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
  const created = t.sim.jobs.readVerify('after-outage');
  expect(created).toMatchObject({ schedule: 'mon..fri 02:30' });
  expect(log.count).toBe(2);
  return {
    seen: `${quoted(textOf(alert))}; Create again creates it with schedule "${created.schedule}"`,
    writes: sent,
    kept,
  };
}

export async function editVerifyJob(t: TestServer, id: string): Promise<Outcome> {
  const { table, user } = await openJobs(t);
  await user.click(within(table).getByRole('button', { name: `Edit verify job ${VERIFY_JOB}` }));
  const dialog = await screen.findByRole('dialog', { name: `Edit verify job ${VERIFY_JOB}` });
  await retype(user, await within(dialog).findByLabelText('Comment', {}, { timeout: 10_000 }), 'mine');
  await retype(user, within(dialog).getByLabelText('Schedule'), 'sun 04:00');
  const { alert, log } = await saveIntoConflict(t, id, user, dialog, 'Save');
  expect(textOf(alert)).toMatch(/^This job was changed by someone else since you opened it — Nothing was saved\./);
  expect(t.sim.jobs.readVerify(VERIFY_JOB).comment).toBe('Weekly verify');
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(dialog, ['Schedule', 'Comment']) };
}

/** A removal that meets a conflict: the question stays open, the job stays listed. */
async function removeIntoConflict(t: TestServer, id: string, user: User, question: string) {
  const dialog = await screen.findByRole('alertdialog', { name: question });
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove job' })).toBeEnabled());
  const { alert, log } = await saveIntoConflict(t, id, user, dialog, 'Remove job');
  expect(textOf(alert)).toMatch(new RegExp(`was not removed — ${PBS_CONFLICT.replace(/[?.]/g, '\\$&')}$`));
  expect(dialog).toBeInTheDocument();
  return { seen: quoted(textOf(alert)), writes: log.count, kept: `the question "${question}" stays open` };
}

export async function removeVerifyJob(t: TestServer, id: string): Promise<Outcome> {
  const { table, user } = await openJobs(t);
  await user.click(within(table).getByRole('button', { name: `Remove verify job ${VERIFY_JOB}` }));
  const outcome = await removeIntoConflict(t, id, user, `Remove verify job ${VERIFY_JOB}?`);
  expect(t.sim.jobs.listVerify().map((j) => j.id)).toContain(VERIFY_JOB);
  return outcome;
}

export async function addPruneJob(t: TestServer, id: string): Promise<Outcome> {
  const { jobs, user } = await openSummary(t);
  await user.click(within(jobs).getByRole('button', { name: 'Add prune job' }));
  const dialog = await screen.findByRole('dialog', { name: 'New prune job' });
  await retype(user, within(dialog).getByLabelText('Job ID'), 'keep-a-week');
  await user.type(within(dialog).getByLabelText('Keep daily'), '7');
  const { alert, log } = await saveIntoConflict(t, id, user, dialog, 'Create prune job');
  expect(textOf(alert)).toBe(`The prune job was not saved — ${PBS_CONFLICT}`);
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(dialog, ['Job ID', 'Keep daily']) };
}

export async function editPruneJob(t: TestServer, id: string): Promise<Outcome> {
  const { jobs, user } = await openSummary(t);
  await user.click(within(jobs).getByRole('button', { name: `Edit prune job ${PRUNE_JOB}` }));
  const dialog = await screen.findByRole('dialog', { name: `Edit prune job ${PRUNE_JOB}` });
  await retype(user, await within(dialog).findByLabelText('Keep weekly', {}, { timeout: 10_000 }), '6');
  await retype(user, within(dialog).getByLabelText('Comment'), 'six weeks');
  const { alert, log } = await saveIntoConflict(t, id, user, dialog, 'Save changes');
  expect(textOf(alert)).toMatch(/^Not saved: the prune jobs changed meanwhile — /);
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(dialog, ['Keep weekly', 'Comment']) };
}

export async function removePruneJob(t: TestServer, id: string): Promise<Outcome> {
  const { jobs, user } = await openSummary(t);
  await user.click(within(jobs).getByRole('button', { name: `Remove prune job ${PRUNE_JOB}` }));
  const outcome = await removeIntoConflict(t, id, user, `Remove prune job ${PRUNE_JOB}?`);
  expect(t.sim.jobs.pruneStatus(STORE).map((j) => j.id)).toContain(PRUNE_JOB);
  return outcome;
}

export async function changeGcSchedule(t: TestServer, id: string): Promise<Outcome> {
  const { gc, user } = await openSummary(t);
  const before = t.sim.datastoreConfig(STORE)['gc-schedule'];
  await retype(user, within(gc).getByLabelText('GC schedule'), '21:00');
  const { alert, log } = await saveIntoConflict(t, id, user, gc, 'Save schedule');
  expect(textOf(alert)).toMatch(/^Not saved: the datastore's configuration changed meanwhile — /);
  expect(t.sim.datastoreConfig(STORE)['gc-schedule']).toBe(before);
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(gc, ['GC schedule']) };
}
