// The write faults, met in the forms that change PBS's configuration: a save that fails, drops, is refused, meets
// an ended session or PBS's parameter check. None may be sent twice, and none may cost the user what they typed.
import { screen, waitFor, within } from '@testing-library/react';
import { faultRules } from '@/mocks/handlers/fault-rules';
import { fieldValues, openJobs, openSummary, retype, type TestServer } from './console-steps';
import { faultCase, PRUNE_JOB, VERIFY_JOB, type Outcome } from './fault-cases';
import { countRequests, quoted, textOf } from './fault-probe';

/** Sets the case's rule and counts the writes it is about from here. */
function arm(t: TestServer, id: string) {
  const { rule } = faultCase(id);
  const log = countRequests(t.server, rule.method ?? 'GET', rule.path);
  faultRules(t.sim).add(rule);
  return log;
}

const PRUNE_FIELDS = ['Keep weekly', 'Comment'];

/** A 500 on saving a prune job: said in the dialog, sent once, the edit kept. */
export async function failingSave(t: TestServer, id: string): Promise<Outcome> {
  const { jobs, user } = await openSummary(t);
  await user.click(within(jobs).getByRole('button', { name: `Edit prune job ${PRUNE_JOB}` }));
  const dialog = await screen.findByRole('dialog', { name: `Edit prune job ${PRUNE_JOB}` });
  await retype(user, await within(dialog).findByLabelText('Keep weekly', {}, { timeout: 10_000 }), '6');
  await retype(user, within(dialog).getByLabelText('Comment'), 'six weeks');
  const log = arm(t, id);
  await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
  const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
  expect(textOf(alert)).toBe('The prune job was not saved — internal server error (simulated fault)');
  expect(log.count).toBe(1);
  expect(t.sim.jobs.pruneStatus('store1').find((j) => j.id === PRUNE_JOB)?.comment).not.toBe('six weeks');
  expect(within(dialog).getByRole('button', { name: 'Save changes' })).toBeEnabled();
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(dialog, PRUNE_FIELDS) };
}

/** A dropped answer to a GC schedule change: not known to have arrived, said so, not sent again, the text kept. */
export async function droppedSave(t: TestServer, id: string): Promise<Outcome> {
  const { gc, user } = await openSummary(t);
  await retype(user, within(gc).getByLabelText('GC schedule'), 'mon..fri 03:15');
  const log = arm(t, id);
  await user.click(within(gc).getByRole('button', { name: 'Save schedule' }));
  const alert = await within(gc).findByRole('alert', {}, { timeout: 10_000 });
  expect(textOf(alert)).toMatch(/^The schedule was not saved — Cannot reach the server: the connection failed/);
  expect(log.count).toBe(1);
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(gc, ['GC schedule']) };
}

const VERIFY_FIELDS = ['Schedule', 'Comment'];

async function editVerifyJob(t: TestServer) {
  const { table, user } = await openJobs(t);
  await user.click(within(table).getByRole('button', { name: `Edit verify job ${VERIFY_JOB}` }));
  const dialog = await screen.findByRole('dialog', { name: `Edit verify job ${VERIFY_JOB}` });
  await within(dialog).findByLabelText('Comment', {}, { timeout: 10_000 });
  await retype(user, within(dialog).getByLabelText('Schedule'), 'sat 07:15');
  await retype(user, within(dialog).getByLabelText('Comment'), 'after the outage');
  return { dialog, user };
}

/**
 * The session ends as the user saves: the login opens over the form, which stays with what was typed; the write
 * that met the 401 is not sent again by itself, and after the login the user saves.
 */
export async function sessionEndsOnSave(t: TestServer, id: string): Promise<Outcome> {
  const { dialog, user } = await editVerifyJob(t);
  const log = arm(t, id);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  const login = await screen.findByRole('alertdialog', { name: 'Your session has ended' }, { timeout: 10_000 });
  const title = within(login).getByRole('heading').textContent;
  expect(dialog).toBeInTheDocument();
  const during = fieldValues(dialog, VERIFY_FIELDS);
  expect(during).toBe('Schedule "sat 07:15", Comment "after the outage"');
  await user.type(within(login).getByLabelText('Password'), 'demo');
  await user.click(within(login).getByRole('button', { name: 'Log in' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 10_000 });
  const alert = await within(dialog).findByRole('alert');
  const sentOnce = log.count;
  expect(sentOnce).toBe(1);
  expect(fieldValues(dialog, VERIFY_FIELDS)).toBe(during);
  // the user saves again, now logged in
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
  const saved = t.sim.jobs.readVerify(VERIFY_JOB);
  expect(saved).toMatchObject({ schedule: 'sat 07:15', comment: 'after the outage' });
  expect(log.count).toBe(2);
  return {
    seen: `"${title}" over the form; after the login "${textOf(alert)}"; the next Save saves schedule "${saved.schedule}"`,
    writes: sentOnce,
    kept: `${during}, through the login`,
  };
}

/** PBS's parameter check: each message at its field, the typed values kept. */
export async function parameterErrors(t: TestServer, id: string): Promise<Outcome> {
  const { dialog, user } = await editVerifyJob(t);
  const log = arm(t, id);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  const schedule = within(dialog).getByLabelText('Schedule');
  const comment = within(dialog).getByLabelText('Comment');
  await waitFor(() => expect(schedule).toHaveAccessibleDescription('value does not match the regex pattern'));
  expect(comment).toHaveAccessibleDescription('value must be at most 128 characters');
  expect(log.count).toBe(1);
  return {
    seen: `at Schedule: "${description(schedule)}"; at Comment: "${description(comment)}"`,
    writes: log.count,
    kept: fieldValues(dialog, VERIFY_FIELDS),
  };
}

function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((i) => document.getElementById(i)?.textContent?.trim() ?? '').join(' ');
}

/** A refusal of a new prune job: PBS's bare 403, explained in the dialog, sent once, the form kept. */
export async function refusedSave(t: TestServer, id: string): Promise<Outcome> {
  const { jobs, user } = await openSummary(t);
  await user.click(within(jobs).getByRole('button', { name: 'Add prune job' }));
  const dialog = await screen.findByRole('dialog', { name: 'New prune job' });
  await retype(user, within(dialog).getByLabelText('Job ID'), 'keep-a-week');
  await user.type(within(dialog).getByLabelText('Keep daily'), '7');
  const log = arm(t, id);
  await user.click(within(dialog).getByRole('button', { name: 'Create prune job' }));
  const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
  expect(textOf(alert)).toBe(
    'The prune job was not saved — Not allowed: adding a prune job needs Datastore.Modify on /datastore/store1.',
  );
  expect(log.count).toBe(1);
  return { seen: quoted(textOf(alert)), writes: log.count, kept: fieldValues(dialog, ['Job ID', 'Keep daily']) };
}
