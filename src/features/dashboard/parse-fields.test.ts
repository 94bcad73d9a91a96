import { z } from 'zod';
import { parseFields } from './parse-fields';

describe('parseFields', () => {
  const shape = { store: z.string(), used: z.number(), upid: z.string().nullable() };

  it('keeps valid fields and drops odd ones instead of failing', () => {
    expect(parseFields(shape, { store: 'a', used: null, upid: null, extra: 1 })).toEqual({ store: 'a', upid: null });
    expect(parseFields(shape, { store: 'a', used: '12' })).toEqual({ store: 'a' });
  });

  it('gives nothing for a non-object', () => {
    expect(parseFields(shape, null)).toEqual({});
    expect(parseFields(shape, 'x')).toEqual({});
  });
});
