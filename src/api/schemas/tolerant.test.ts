import { z } from 'zod';
import { isItemError, readableItems, splitItems, type ItemError } from '@/lib/item-error';
import { labelOf, listOf, openEnum } from './tolerant';

const item = z.object({
  store: z.string(),
  used: z.number().optional(),
  history: z.array(z.number().nullable()).optional(),
  count: z.number().int().nonnegative().optional(),
  state: z.enum(['ok', 'failed']).optional(),
});
const list = listOf(item, 'datastore-usage', labelOf('store'));

const failure = (raw: unknown): ItemError => {
  const [entry] = list.parse([raw]);
  if (!isItemError(entry)) throw new Error('the item parsed');
  return entry;
};

describe('listOf', () => {
  it('keeps readable items as they are and an unreadable one in its place, named', () => {
    const parsed = list.parse([{ store: 'a', used: 1 }, { store: 'b', used: 'lots' }, { store: 'c' }]);
    expect(parsed[0]).toEqual({ store: 'a', used: 1 });
    expect(parsed[2]).toEqual({ store: 'c' });
    const bad = parsed[1];
    expect(isItemError(bad) && [bad.index, bad.label, bad.message]).toEqual([
      1,
      'b',
      'The server sent datastore-usage[1].used as a string, expected a number',
    ]);
    expect(readableItems(parsed).map((s) => s.store)).toEqual(['a', 'c']);
    expect(splitItems(parsed).failed.map((f) => f.index)).toEqual([1]);
  });

  it('says what is wrong in words: null, a missing field, a nested value, a number out of range, an unknown word', () => {
    expect(failure({ store: 'a', used: null }).message).toBe(
      'The server sent datastore-usage[0].used as null, expected a number',
    );
    expect(failure({ used: 1 }).message).toBe('The server sent datastore-usage[0] without store, expected a string');
    expect(failure({ store: 'a', history: [0.5, '0.6'] }).message).toBe(
      'The server sent datastore-usage[0].history[1] as a string, expected a number',
    );
    expect(failure({ store: 'a', count: 1.5 }).message).toBe(
      'The server sent datastore-usage[0].count as 1.5, expected a whole number',
    );
    expect(failure({ store: 'a', count: -1 }).message).toBe(
      'The server sent datastore-usage[0].count as -1, expected at least 0',
    );
    expect(failure({ store: 'a', state: 'paused' }).message).toBe(
      'The server sent datastore-usage[0].state as "paused", expected one of ok, failed',
    );
    expect(failure({ store: 7, used: 'x' }).message).toBe(
      'The server sent datastore-usage[0].store as 7, expected a string (and 1 more)',
    );
    expect(failure('text').message).toBe('The server sent datastore-usage[0] as a string, expected an object');
  });

  it('names an item by what can still be read of it, and by nothing when nothing can', () => {
    expect(failure({ store: 'b', used: 'lots' }).label).toBe('b');
    expect(failure({ used: 'lots' }).label).toBeUndefined();
    expect(failure(null).label).toBeUndefined();
  });

  it('fails the whole answer only when it is no list at all', () => {
    expect(list.safeParse(null).success).toBe(false);
    expect(list.safeParse({ store: 'a' }).success).toBe(false);
  });

  it('keeps the raw item for views that show what they can of it', () => {
    const raw = { store: 'b', used: 'lots', total: 5 };
    expect(failure(raw).raw).toBe(raw);
  });
});

describe('openEnum', () => {
  const state = openEnum(['ok', 'failed']);

  it('parses the known words to themselves and any other word as text', () => {
    expect(state.parse('ok')).toBe('ok');
    expect(state.parse('paused')).toBe('paused');
  });

  it('keeps any other text apart from the known words for the type checker', () => {
    type State = z.output<typeof state>;
    expectTypeOf<'ok'>().toExtend<State>();
    // code that takes only the known words cannot be handed another text, nor a plain string passed for one
    expectTypeOf<State>().not.toExtend<'ok' | 'failed'>();
    expectTypeOf<string>().not.toExtend<State>();
  });

  it('still refuses what is no word at all, saying what it wanted', () => {
    const [bad] = listOf(z.object({ state }), 'snapshots').parse([{ state: 3 }]);
    expect(isItemError(bad) && bad.message).toBe('The server sent snapshots[0].state as 3, expected a string');
  });
});
