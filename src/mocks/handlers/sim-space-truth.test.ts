// GET /__sim/space-truth: the simulator's ground truth for the space figures over HTTP, for tests that drive the
// console (the engine is checked against the same truth in space-truth.test.ts).
import { createTestServer } from '../node';
import type { SetTruth, TruthReport } from '../sim/simulator';
import { BASE } from './test-client';

const t = createTestServer({ speed: 0, handlers: { allowControl: true } });
beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => t.server.close());

type Answer = TruthReport & { store: string; selection?: SetTruth };

const ask = (query: string) => fetch(`${BASE}/__sim/space-truth?${query}`);

describe('GET /__sim/space-truth', () => {
  it("gives every snapshot's, group's, namespace's and owner's figures, and a selection's", async () => {
    const r = await ask('store=store1');
    expect(r.status).toBe(200);
    const truth = (await r.json()) as Answer;
    expect(truth.store).toBe('store1');
    const all = truth.namespaces.find((n) => n.ns === '')!;
    expect(all.snapshots).toBe(truth.snapshots.length);
    // the root namespace with its children holds everything: nothing is shared outside it
    expect(all.shared.chunks).toBe(0);
    expect(all.unique).toEqual(all.distinct);
    expect(truth.groups.reduce((n, g) => n + g.snapshots, 0)).toBe(truth.snapshots.length);
    expect(truth.owners.reduce((n, o) => n + o.snapshots, 0)).toBe(truth.snapshots.length);
    for (const g of truth.groups) {
      expect(g.unique.chunks + g.shared.chunks).toBe(g.distinct.chunks);
      expect(g.distinct.chunks).toBeLessThanOrEqual(all.distinct.chunks);
    }

    // a selection of one group's snapshots has that group's figures
    const group = truth.groups.find((g) => g.snapshots > 2 && g.shared.chunks > 0)!;
    const select = truth.snapshots
      .filter((s) => s.ns === group.ns && s.type === group.type && s.id === group.id)
      .map(({ ns, type, id, time }) => ({ ns, type, id, time }));
    const chosen = (await (
      await ask(`store=store1&select=${encodeURIComponent(JSON.stringify(select))}`)
    ).json()) as Answer;
    const { ns: _ns, type: _type, id: _id, owner: _owner, ...figures } = group;
    expect(chosen.selection).toEqual(figures);
  });

  it('says what is wrong with a request, in plain text', async () => {
    const cases: [string, RegExp][] = [
      ['', /'store' is required/],
      ['store=nosuch', /nosuch/],
      ['store=store1&select=%7B%7D', /'select' must be a JSON list/],
      ['store=store1&select=nope', /JSON/],
    ];
    for (const [query, message] of cases) {
      const r = await ask(query);
      expect([query, r.status, r.headers.get('content-type')]).toEqual([query, 400, 'text/plain']);
      expect(await r.text()).toMatch(message);
    }
  });
});
