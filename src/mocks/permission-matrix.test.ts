// The permission matrix, API half: who may do what, identity by action, as PBS's source decides it. The expected
// cells (permission-matrix-expected.ts) are written by hand from PBS's code, never from the simulator's own checks;
// each identity runs every action as a real HTTP call against its own fresh simulator. The table, with the UI half's
// verdicts, is also rendered into docs/permissions.md, which must match (UPDATE_DOCS=1, or `npm run docs:update`,
// rewrites it).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestServer } from './node';
import { ACTIONS, actionName, groupsFor } from './permission-matrix-actions';
import { NA, OK, ROWS, UI_MISMATCHES, uiOffered } from './permission-matrix-expected';
import { renderMatrix, type Cell } from './permission-matrix-render';
import { buildActor, IDENTITIES, type Identity } from './permission-matrix-setup';

const t = createTestServer();
beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => t.server.close());

const seen = (r: { status: number; text: string }): Cell => (r.status === 200 ? OK : [r.status, r.text]);

describe.each(IDENTITIES.map((id, i) => [id, i] as [Identity, number]))('%s', (id, column) => {
  it('gets what PBS gives it, action by action', async () => {
    const actor = await buildActor(t, id);
    const got: Record<string, Cell> = {};
    const want: Record<string, Cell> = {};
    for (const [i, action] of ACTIONS.entries()) {
      const groups = groupsFor(actor, action.target);
      const name = actionName(action);
      want[name] = ROWS[i]!.cells[column]!;
      got[name] = groups ? seen(await action.run(actor, groups)) : NA;
    }
    expect(got).toEqual(want);
  }, 60_000);
});

it('is the table docs/permissions.md shows', () => {
  // vitest runs from the repository's root
  const file = resolve('docs/permissions.md');
  const mismatches = Object.entries(UI_MISMATCHES).map(([name, m]) => ({ name, ...m }));
  // the token is judged on the API half only: the console cannot log in as one
  const text = renderMatrix(ROWS, (row, id) => (id.includes('!') ? undefined : uiOffered(row, id)), mismatches);
  if (process.env.UPDATE_DOCS) writeFileSync(file, text);
  expect(readFileSync(file, 'utf8')).toBe(text);
});
