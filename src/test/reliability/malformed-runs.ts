// How the malformed-data suite meets each case of malformed-cases.ts: the simulator's answer altered on its way to
// the console, the view opened as a user opens it, and what the user sees read from the screen: the failing
// widget naming the field (or the unknown word in a neutral badge), and the rest of the page still there.
import { screen, waitFor, within } from '@testing-library/react';
import { treeRow } from '@/test/tree-row';
import userEvent from '@testing-library/user-event';
import { getResponse, http, HttpResponse } from 'msw';
import { createHandlers } from '@/mocks/handlers/handlers';
import { renderApp, type setupTestServer } from '@/test/render-app';
import { CONTROL, GROUP, HUGE, RTL, STORE, type MalformedCase, type MalformedOutcome } from './malformed-cases';

export type TestServer = ReturnType<typeof setupTestServer>;
type Run = (t: TestServer) => Promise<MalformedOutcome>;

const WAIT = { timeout: 20_000 };

/** The simulator's answer to `c.endpoint` with its `data` altered as the case says; everything else as it was. */
export function serveAltered(t: TestServer, c: MalformedCase) {
  const base = createHandlers({ host: t.host, authFailDelayMs: 0, forbiddenDelayMs: 0 });
  t.server.use(
    http.get(`/api2/json${c.endpoint}`, async ({ request }) => {
      const original = await getResponse(base, request, { baseUrl: new URL(request.url).origin });
      const ns = new URL(request.url).searchParams.get('ns') ?? '';
      if (!original?.ok || (c.ns !== undefined && ns !== c.ns)) return original;
      const body = (await original.json()) as { data: unknown };
      const headers = new Headers(original.headers);
      headers.delete('content-length');
      return HttpResponse.json({ ...body, data: c.alter(body.data) }, { status: original.status, headers });
    }),
  );
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** An error state's title and message as the user reads them (its button left out). */
const alertText = (alert: HTMLElement) =>
  Array.from(alert.querySelectorAll('p'))
    .map((p) => squash(p.textContent))
    .join(' — ');

/** Text as the doc can hold it: bidi controls named, a megabyte shortened. */
export function docText(text: string): string {
  const named = squash(text).replace(
    /[\u202A-\u202E\u2066-\u2069]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`,
  );
  return named.length > 160 ? `${named.slice(0, 60)} … ${named.slice(-80)}` : named;
}

async function open(t: TestServer, path: string, heading: string | RegExp) {
  await t.loginAs('root@pam');
  renderApp(path);
  await screen.findByRole('heading', { level: 1, name: heading }, WAIT);
  return userEvent.setup();
}

/** The badge that shows `text` as the server wrote it, asserted neutral (not a known value's colour). */
function neutralBadge(container: HTMLElement, text: string): HTMLElement {
  const badge = within(container)
    .getAllByText(text)
    .map((el) => el.closest<HTMLElement>('span.rounded'))
    .find((el) => el !== null);
  expect(badge, `a badge "${text}"`).toBeTruthy();
  expect(badge).toHaveClass('bg-neutral-100');
  return badge!;
}

// ——— Dashboard ———

const card = (store: string) => screen.findByRole('region', { name: `Datastore ${store}` }, WAIT);

/** The dashboard's other widgets, as they show: datastore cards with their figures, the server and the tasks. */
async function dashboardRest(except?: string): Promise<string> {
  const stores = ['store1', 'offsite', 'archive'].filter((s) => s !== except);
  for (const s of stores) expect(await card(s)).toHaveTextContent('used of');
  const server = await screen.findByRole('region', { name: 'Server' }, WAIT);
  const tasks = await screen.findByRole('region', { name: 'Tasks of the last 24 hours' }, WAIT);
  await waitFor(() => expect(within(tasks).getAllByRole('listitem').length).toBeGreaterThan(1), WAIT);
  const parts = [`cards ${stores.join(', ')} with their figures`];
  if (within(server).queryByText(/Memory/)) parts.push('the server card');
  parts.push('the tasks card with its rows');
  return parts.join('; ');
}

/** `name`: the card's name as shown; `store`: the store whose entry the server sent odd. */
function usageCase(name: string, store: string, message: string, shown: string): Run {
  return async (t) => {
    await open(t, '/', 'Dashboard');
    const failing = await card(name);
    const alert = await within(failing).findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent(message);
    expect(failing).toHaveTextContent(shown);
    return {
      seen: `card ${name}: "${alertText(alert)}"; beside it "${shown}"`,
      rest: await dashboardRest(store),
    };
  };
}

const dashboard: Record<string, Run> = {
  'usage-wrong-type': usageCase(
    'offsite',
    'offsite',
    'The server sent datastore-usage[1].used as a string, expected a number',
    'unknown used of 8 TiB',
  ),
  'usage-null': usageCase(
    'archive',
    'archive',
    'The server sent datastore-usage[2].total as null, expected a number',
    'used of unknown',
  ),
  'usage-missing-store': usageCase(
    '(unnamed datastore)',
    'offsite',
    'The server sent datastore-usage[1] without store, expected a string',
    'used of 8 TiB',
  ),
  'usage-unknown-mount': async (t) => {
    await open(t, '/', 'Dashboard');
    const badge = neutralBadge(await card('offsite'), 'unmounting');
    expect(within(await card('offsite')).queryByRole('alert')).toBeNull();
    return {
      seen: `card offsite: neutral badge "${squash(badge.textContent)}", its figures as usual`,
      rest: await dashboardRest('offsite'),
    };
  },
  'usage-unknown-backend': async (t) => {
    await open(t, '/', 'Dashboard');
    const badge = neutralBadge(await card('archive'), 'tape');
    // the known marks keep their words and colours
    expect(
      within(await card('archive'))
        .getByText(/Maintenance \(read-only\)/)
        .closest('span'),
    ).toHaveClass('bg-amber-100');
    return {
      seen: `card archive: neutral badge "${squash(badge.textContent)}" beside its maintenance badge`,
      rest: await dashboardRest('archive'),
    };
  },
  'node-wrong-type': nodeCase('The server sent cpu in /nodes/localhost/status as a string, expected a number'),
  'node-null': nodeCase('The server sent memory in /nodes/localhost/status as null, expected an object'),
  'subscription-unknown': async (t) => {
    await open(t, '/', 'Dashboard');
    const server = await screen.findByRole('region', { name: 'Server' }, WAIT);
    await waitFor(() => neutralBadge(server, 'trial'), WAIT);
    const badge = neutralBadge(server, 'trial');
    return {
      seen: `Server card, Subscription: neutral badge "${squash(badge.textContent)}"`,
      rest: await dashboardRest(),
    };
  },
  'recent-tasks-wrong-type': async (t) => {
    await open(t, '/', 'Dashboard');
    const tasks = await screen.findByRole('region', { name: 'Tasks of the last 24 hours' }, WAIT);
    const item = await within(tasks).findByText(/^The server sent tasks\[0\]/, {}, WAIT);
    const row = item.closest('li')!;
    expect(row).toHaveTextContent(
      'Cannot show task garbage_collection/store1: The server sent tasks[0].starttime as a string, expected a number',
    );
    // the other tasks are listed as usual
    expect(within(tasks).getAllByRole('listitem').length).toBeGreaterThan(1);
    expect(tasks).toHaveTextContent('1 unreadable');
    return { seen: `Tasks card: a row "${squash(row.textContent)}"`, rest: await dashboardRest() };
  },
  'recent-tasks-huge': async (t) => {
    await open(t, '/', 'Dashboard');
    const tasks = await screen.findByRole('region', { name: 'Tasks of the last 24 hours' }, WAIT);
    await waitFor(() => expect(tasks).toHaveTextContent('100000 tasks, 0 failed'), WAIT);
    expect(within(tasks).getAllByRole('listitem')).toHaveLength(12);
    expect(tasks).toHaveTextContent('99988 more not shown');
    return {
      seen: 'Tasks card: "100000 tasks, 0 failed", 12 rows, "99988 more not shown; all tasks"',
      rest: await dashboardRest(),
    };
  },
};

function nodeCase(message: string): Run {
  return async (t) => {
    await open(t, '/', 'Dashboard');
    const server = await screen.findByRole('region', { name: 'Server' }, WAIT);
    const alert = await within(server).findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent(`Cannot load server status${message}`);
    return { seen: `Server card: "${alertText(alert)}" [Try again]`, rest: await dashboardRest() };
  };
}

// ——— Datastore summary ———

async function summaryRest(except: 'usage' | 'none' = 'none'): Promise<string> {
  const parts: string[] = [`h1 "Datastore ${STORE}"`];
  if (except !== 'usage') {
    const usage = await screen.findByRole('region', { name: 'Usage' }, WAIT);
    await waitFor(() => expect(usage).toHaveTextContent('used of'), WAIT);
    parts.push('the usage card with its figures');
  }
  const gc = await screen.findByRole('region', { name: 'Garbage collection' }, WAIT);
  await waitFor(() => expect(gc).toHaveTextContent('Deduplication'), WAIT);
  parts.push('the garbage collection card with its figures');
  const prune = await screen.findByRole('region', { name: 'Prune jobs' }, WAIT);
  await within(prune).findByRole('rowheader', { name: /s-6b1f0c2e-a3d4/ }, WAIT);
  parts.push('the prune jobs');
  return parts.join('; ');
}

function statusCase(message: string): Run {
  return async (t) => {
    await open(t, `/datastores/${STORE}`, `Datastore ${STORE}`);
    const usage = await screen.findByRole('region', { name: 'Usage' }, WAIT);
    const alert = await within(usage).findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent(`Cannot show the usage${message}`);
    return { seen: `Usage card: "${alertText(alert)}" [Try again]`, rest: await summaryRest('usage') };
  };
}

const summary: Record<string, Run> = {
  'status-wrong-type': statusCase(
    `The server sent avail in /admin/datastore/${STORE}/status as a string, expected a number`,
  ),
  'status-missing': statusCase(`The server sent /admin/datastore/${STORE}/status without total, expected a number`),
  'list-unknown-mount': async (t) => {
    await open(t, `/datastores/${STORE}`, `Datastore ${STORE}`);
    const head = screen.getByRole('heading', { level: 1 }).parentElement!;
    const badge = await waitFor(() => neutralBadge(head, 'unmounting'), WAIT);
    return { seen: `beside the heading: neutral badge "${squash(badge.textContent)}"`, rest: await summaryRest() };
  },
  'list-huge-comment': async (t) => {
    await open(t, `/datastores/${STORE}`, `Datastore ${STORE}`);
    const comment = await screen.findByText(/\(1,048,576 characters\)/, {}, WAIT);
    const shown = comment.closest('p')!;
    expect(squash(shown.textContent)).toBe(`${HUGE.slice(0, 500)} … (1,048,576 characters)`);
    return {
      seen: `under the heading: the comment's first 500 characters, then "… (1,048,576 characters)"`,
      rest: await summaryRest(),
    };
  },
  'list-wrong-type': async (t) => {
    await open(t, `/datastores/${STORE}`, `Datastore ${STORE}`);
    const main = screen.getByRole('main');
    const text = await within(main).findByText(/^The server sent datastores\[0\]/, {}, WAIT);
    const problem = text.parentElement!;
    expect(problem).toHaveTextContent(
      `Cannot show the settings of datastore ${STORE}: The server sent datastores[0].comment as 42, expected a string`,
    );
    // the navigation names it too, and lists the other datastores
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'offsite' })).toBeInTheDocument();
    expect(nav).toHaveTextContent(`Cannot show datastore ${STORE}: The server sent datastores[0].comment as 42`);
    return {
      seen: `under the heading: "${squash(problem.textContent)}"; in the navigation the same, the other datastores linked`,
      rest: await summaryRest(),
    };
  },
};

// ——— Content ———

async function openContent(t: TestServer) {
  const user = await open(t, `/datastores/${STORE}/content`, `Content of ${STORE}`);
  const grid = await screen.findByRole('treegrid', {}, WAIT);
  await rowOf(grid, 'ct/110');
  return { user, grid };
}

const rowOf = (grid: HTMLElement, text: string | RegExp) => treeRow(grid, text, WAIT.timeout);

/** Opens group vm/100 and waits for its snapshots (or what stands for them). */
async function openGroup(t: TestServer) {
  const { user, grid } = await openContent(t);
  const group = await rowOf(grid, /^vm\/100/);
  await user.click(group);
  await waitFor(() => expect(group).toHaveAttribute('aria-expanded', 'true'), WAIT);
  return { user, grid, group };
}

const levelTwo = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-level') === '2');

/** Opens group vm/100 and waits for its snapshot rows; `first` is the newest. */
async function openSnapshots(t: TestServer) {
  const { grid } = await openGroup(t);
  await waitFor(() => expect(levelTwo(grid).length).toBeGreaterThan(0), WAIT);
  const rows = levelTwo(grid);
  return { grid, rows, first: rows[0]! };
}

async function contentRest(grid: HTMLElement): Promise<string> {
  // the tree is virtual: the top level's size, not its rows in the page, says what it holds
  const top = await waitFor(() => {
    const row = within(grid)
      .getAllByRole('row')
      .find((r) => r.getAttribute('aria-level') === '1');
    if (!row) throw new Error('no top-level row');
    return row;
  }, WAIT);
  const size = Number(top.getAttribute('aria-setsize'));
  expect(size).toBeGreaterThan(5);
  return `h1 "Content of ${STORE}"; the tree's top level of ${size} rows (namespaces, groups)`;
}

function groupProblem(text: string): Run {
  return async (t) => {
    const { grid } = await openContent(t);
    const row = await rowOf(grid, 'Cannot show group');
    expect(row).toHaveTextContent(text);
    return { seen: `a row in the group's place: "${squash(row.textContent)}"`, rest: await contentRest(grid) };
  };
}

function snapshotProblem(text: string): Run {
  return async (t) => {
    const { grid } = await openGroup(t);
    const row = await rowOf(grid, 'Cannot show snapshot');
    expect(row).toHaveTextContent(text);
    const readable = levelTwo(grid).filter((r) => r.hasAttribute('aria-selected'));
    expect(readable.length).toBeGreaterThan(0);
    return {
      seen: `a row among vm/100's snapshots: "${squash(row.textContent)}"`,
      rest: `${await contentRest(grid)}; vm/100's other snapshots`,
    };
  };
}

const KNOWN_VERIFY: Record<string, string> = {
  OK: 'bg-green-100',
  Failed: 'bg-red-100',
  Outdated: 'bg-amber-100',
  None: 'bg-neutral-100',
};

const content: Record<string, Run> = {
  'groups-wrong-type': groupProblem(
    `Cannot show group vm/${GROUP.id}: The server sent groups[0].backup-count as a string, expected a number`,
  ),
  'groups-missing': groupProblem(
    'Cannot show group vm/101: The server sent groups[1] without last-backup, expected a number',
  ),
  'groups-unknown-type': async (t) => {
    const { grid } = await openContent(t);
    const row = await rowOf(grid, 'pod/102');
    const badge = neutralBadge(row, 'pod');
    // a known type keeps its icon
    expect((await rowOf(grid, /^vm\/100/)).querySelector('svg')).not.toBeNull();
    return {
      seen: `the group's row "pod/102" with a neutral badge "${squash(badge.textContent)}" where the type icon goes`,
      rest: await contentRest(grid),
    };
  },
  'groups-rtl': async (t) => {
    const { grid } = await openContent(t);
    const row = await rowOf(grid, /^vm\/101/);
    const name = within(row).getByText(RTL, { selector: 'bdi' });
    expect(row.textContent?.startsWith('vm/101')).toBe(true);
    return {
      seen: `vm/101's row: the comment isolated in <bdi> ("${docText(name.textContent ?? '')}"), the row's other cells in their order`,
      rest: await contentRest(grid),
    };
  },
  'namespaces-null': async (t) => {
    const { grid } = await openContent(t);
    const row = await rowOf(grid, 'Cannot show namespace');
    expect(row).toHaveTextContent('Cannot show namespace: The server sent namespaces[1].ns as null, expected a string');
    await rowOf(grid, 'prod');
    return { seen: `a row at the top of the tree: "${squash(row.textContent)}"`, rest: await contentRest(grid) };
  },
  'snapshots-wrong-type': snapshotProblem(
    'Cannot show snapshot vm/100: The server sent snapshots[0].backup-time as a string, expected a number',
  ),
  'snapshots-null': snapshotProblem(
    'Cannot show snapshot vm/100: The server sent snapshots[0].size as null, expected a number',
  ),
  'snapshots-unknown-verify': async (t) => {
    const { grid, first } = await openSnapshots(t);
    const badge = neutralBadge(first, 'pending');
    return {
      seen: `each snapshot's verify cell: neutral badge "${squash(badge.textContent)}"`,
      rest: await contentRest(grid),
    };
  },
  'snapshots-unknown-crypt': async (t) => {
    const { grid, first } = await openSnapshots(t);
    const badge = neutralBadge(first, 'quantum');
    // the verify badge of the same row keeps its known word and colour
    const [known] = within(first).getAllByText(/^(OK|Failed|Outdated|None)$/);
    expect(known).toHaveClass(KNOWN_VERIFY[known!.textContent ?? '']!);
    return {
      seen: `each snapshot's encryption cell: neutral badge "${squash(badge.textContent)}"`,
      rest: await contentRest(grid),
    };
  },
  'snapshots-huge-comment': async (t) => {
    const { grid, first } = await openSnapshots(t);
    const cell = within(first)
      .getByText(/\(1,048,576 characters\)/)
      .closest('[role="gridcell"]')!;
    expect(squash(cell.textContent)).toBe(`${HUGE.slice(0, 500)} … (1,048,576 characters)`);
    return {
      seen: 'each snapshot\'s comment cell: its first 500 characters, then "… (1,048,576 characters)", on one line',
      rest: await contentRest(grid),
    };
  },
  'snapshots-control': async (t) => {
    const { grid, first } = await openSnapshots(t);
    const shown = 'nightly\u2407\u241B[31m red';
    const cell = within(first).getByText(shown);
    expect(cell.textContent).not.toContain(CONTROL);
    return { seen: `each snapshot's comment cell: "${shown}"`, rest: await contentRest(grid) };
  },
  'snapshots-huge': async (t) => {
    const { grid, rows } = await openSnapshots(t);
    expect(rows[0]).toHaveAttribute('aria-setsize', '100000');
    expect(rows.length).toBeLessThan(200);
    return {
      seen: `vm/100 opens: its snapshot rows say "1 of 100000" (aria-setsize), ${rows.length < 100 ? 'a few dozen' : 'under 200'} of them in the page at once (the tree is virtual)`,
      rest: await contentRest(grid),
    };
  },
};

// ——— Tasks and the task log ———

async function tasksRest(table: HTMLElement): Promise<string> {
  const pages = screen.getByRole('navigation', { name: 'Task pages' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.length).toBeGreaterThan(2);
  expect(within(pages).getByRole('button', { name: 'Next page' })).toBeInTheDocument();
  return 'h1 "Tasks"; the other rows of the page; the pager';
}

function taskProblem(text: string): Run {
  return async (t) => {
    await open(t, '/tasks', 'Tasks');
    const table = await screen.findByRole('table', { name: 'Tasks, newest first' }, WAIT);
    const cell = await within(table).findByText(/^The server sent tasks\[/, {}, WAIT);
    const row = cell.closest('tr')!;
    expect(row).toHaveTextContent(text);
    return { seen: `a row in the task's place: "${squash(row.textContent)}"`, rest: await tasksRest(table) };
  };
}

async function someUpid(t: TestServer): Promise<string> {
  const list = t.sim
    .listTasks({ limit: 500 })
    .data.filter((task) => task.endtime !== undefined && task.worker_type === 'garbage_collection');
  const upid = list[0]?.upid;
  if (!upid) throw new Error('no finished task');
  return upid;
}

async function openTask(t: TestServer) {
  const upid = await someUpid(t);
  await t.loginAs('root@pam');
  renderApp(`/tasks/${encodeURIComponent(upid)}`);
  await screen.findByRole('heading', { level: 1, name: /Garbage collection on / }, WAIT);
  const details = await screen.findByRole('region', { name: 'Task details' }, WAIT);
  const lines = await screen.findByRole('region', { name: 'Task log lines' }, WAIT);
  return { details, lines };
}

const tasks: Record<string, Run> = {
  'tasks-wrong-type': taskProblem(
    'Cannot show task garbage_collection/store1: The server sent tasks[1].pid as a string, expected a number',
  ),
  'tasks-missing': taskProblem(
    'Cannot show task garbage_collection/store1: The server sent tasks[0] without upid, expected a string',
  ),
  'tasks-huge': async (t) => {
    await open(t, '/tasks', 'Tasks');
    const note = await screen.findByText(/The server sent 100,000 tasks for a page of 50/, {}, WAIT);
    const table = screen.getByRole('table', { name: 'Tasks, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    return {
      seen: `above the table: "${squash(note.textContent)}"; 50 rows`,
      rest: `h1 "Tasks"; the filters and the pager`,
    };
  },
  'tasks-control': async (t) => {
    await open(t, '/tasks', 'Tasks');
    const table = await screen.findByRole('table', { name: 'Tasks, newest first' }, WAIT);
    const user = await within(table).findByText('root\u2400@pam\u241B', {}, WAIT);
    return { seen: `the first row's user: "${squash(user.textContent)}"`, rest: await tasksRest(table) };
  },
  'log-null': async (t) => {
    const { details, lines } = await openTask(t);
    const line = await within(lines).findByText(/^Cannot show this line:/, {}, WAIT);
    expect(line).toHaveTextContent('Cannot show this line: The server sent log[1].t as null, expected a string');
    const all = within(lines).getAllByRole('listitem');
    expect(all.length).toBeGreaterThan(2);
    return {
      seen: `line 2 of the log: "${squash(line.textContent)}"`,
      rest: `the task's heading and details (${within(details).getAllByRole('term').length} figures); the log's other lines`,
    };
  },
  'log-huge-line': async (t) => {
    const { details, lines } = await openTask(t);
    const line = await within(lines).findByText(/\(1,048,576 characters\)/, {}, WAIT);
    expect(squash(line.closest('li')?.textContent).length).toBeLessThan(5_100);
    return {
      seen: 'line 1 of the log: its first 5,000 characters, wrapped, then "… (1,048,576 characters)"',
      rest: `the task's heading and details (${within(details).getAllByRole('term').length} figures); the log's other lines (${within(lines).getAllByRole('listitem').length > 1 ? 'shown' : 'missing'})`,
    };
  },
  'task-status-unknown': async (t) => {
    const { details, lines } = await openTask(t);
    const badge = await waitFor(() => neutralBadge(details.parentElement!, 'paused'), WAIT);
    return {
      seen: `under the heading: neutral badge "${squash(badge.textContent)}" where the state goes`,
      rest: `the task's details; the log (${within(lines).getAllByRole('listitem').length > 1 ? 'its lines shown' : 'no lines'})`,
    };
  },
};

// ——— Jobs ———

function jobProblem(text: string): Run {
  return async (t) => {
    await open(t, '/jobs', 'Jobs');
    const table = await screen.findByRole('table', { name: 'All jobs, failed and overdue first' }, WAIT);
    const cell = await within(table).findByText(/^The server sent /, {}, WAIT);
    const row = cell.closest('tr')!;
    expect(row).toHaveTextContent(text);
    const jobs = within(table).getAllByRole('row', { name: /job |Garbage collection of / });
    return {
      seen: `a row in the job's place, first: "${squash(row.textContent)}"`,
      rest: `h1 "Jobs"; ${jobs.length} other jobs in the table`,
    };
  };
}

const jobs: Record<string, Run> = {
  'verify-jobs-wrong-type': jobProblem(
    'Cannot show verify job v-3fa2b1c9-7d10: The server sent verify-jobs[0].schedule as 5, expected a string',
  ),
  'prune-jobs-missing': jobProblem(
    'Cannot show prune job s-6b1f0c2e-a3d4: The server sent prune-jobs[0] without store, expected a string',
  ),
  'sync-jobs-null': jobProblem(
    'Cannot show sync job s-branch-offsite: The server sent sync-jobs[0].remote-store as null, expected a string',
  ),
};

// ——— Guests ———

async function guestsRest(): Promise<string> {
  const table = await screen.findByRole('table', {}, WAIT);
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(10), WAIT);
  return 'h1 "Guests"; the other guests in the table';
}

const guests: Record<string, Run> = {
  'guests-wrong-type': async (t) => {
    await open(t, '/guests', 'Guests');
    const list = await screen.findByRole('list', { name: 'Entries the server sent that cannot be read' }, WAIT);
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent(
      `Cannot show guest vm/${GROUP.id} (${STORE}): The server sent groups[0].backup-count as a string, expected a number`,
    );
    return { seen: `above the table: "${squash(item.textContent)}"`, rest: await guestsRest() };
  },
  'guests-rtl': async (t) => {
    await open(t, '/guests?q=101', 'Guests');
    const table = await screen.findByRole('table', {}, WAIT);
    const link = await within(table).findByRole('link', { name: RTL }, WAIT);
    const name = link.querySelector('bdi')!;
    expect(name.textContent).toBe(RTL);
    expect(link.closest('td')).toHaveTextContent('vm/101');
    return {
      seen: `the guest's name isolated in <bdi> ("${docText(name.textContent ?? '')}"), its id "vm/101" below it`,
      rest: 'h1 "Guests"; the table of the guests matching "101"',
    };
  },
  'guests-unknown-verify': async (t) => {
    await open(t, '/guests?q=pve-gw', 'Guests');
    const table = await screen.findByRole('table', {}, WAIT);
    const row = await waitFor(() => {
      const r = within(table)
        .getAllByRole('row')
        .find((x) => x.textContent?.includes(STORE) && x.textContent.includes('pending'));
      if (!r) throw new Error('no row with pending');
      return r;
    }, WAIT);
    const badge = neutralBadge(row, 'pending');
    return {
      seen: `the guest's Last verify: neutral badge "${squash(badge.textContent)}"`,
      rest: `h1 "Guests"; the table`,
    };
  },
};

export const MALFORMED_RUNS: Record<string, Run> = {
  ...dashboard,
  ...summary,
  ...content,
  ...tasks,
  ...jobs,
  ...guests,
};
