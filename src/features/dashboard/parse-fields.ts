import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/**
 * Parses an object field by field: a field that is missing, null where the schema allows no null, or
 * of an unexpected type is left out instead of failing the whole answer. The dashboard uses it so
 * one odd figure becomes "unknown" on one card rather than an error on every card.
 */
export function parseFields<S extends Shape>(shape: S, value: unknown): Partial<{ [K in keyof S]: z.output<S[K]> }> {
  const out: Partial<{ [K in keyof S]: z.output<S[K]> }> = {};
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const field = shape[key];
    if (!field) continue;
    const parsed = field.safeParse(record[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data as z.output<S[typeof key]>;
  }
  return out;
}
