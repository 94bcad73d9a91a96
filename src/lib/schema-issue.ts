import type { z } from 'zod';

/*
 * One sentence for what the server sent that a schema refused, naming the field: "The server sent
 * datastore-usage[1].used as a string, expected a number". The API client's SchemaError and the lists
 * that keep their unreadable items (lib/item-error.ts) both say it this way. Part of the console's entry:
 * kept small.
 */

type Path = readonly PropertyKey[];

/** Where a field is, in the words of the sentence: `datastore-usage[1].used`, `cpu in /nodes/localhost/status`. */
export type Where = (path: Path) => string;

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** `[1].used`, `.memory.total`: indexes in brackets, keys after a dot as PBS spells them. */
export const pathText = (path: Path) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');

function at(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) v = typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined;
  return v;
}

/** The value's kind; numbers and booleans as themselves (a string's text could be a megabyte). */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** What the schema wanted; a union (an open enum, say) wants what its branches want. */
function expected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_small') return `${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
  if (issue.code === 'too_big') return `${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
  if (issue.code === 'invalid_union') {
    const firsts = issue.errors.flatMap((e) => e.slice(0, 1));
    const types = firsts.filter((i) => i.code === 'invalid_type');
    return [...new Set((types.length ? types : firsts).map(expected))].join(' or ');
  }
  return issue.message.toLowerCase();
}

export function describeIssue(issue: z.core.$ZodIssue | undefined, root: unknown, where: Where): string {
  if (!issue) return `The server sent ${where([])} in a form PBS Deck does not understand`;
  const { path } = issue;
  const value = at(root, path);
  const want = expected(issue);
  const last = path[path.length - 1];
  if (value === undefined && last !== undefined)
    return `The server sent ${where(path.slice(0, -1))} without ${String(last)}, expected ${want}`;
  const shown =
    issue.code === 'invalid_value' && typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value);
  return `The server sent ${where(path)} as ${shown}, expected ${want}`;
}
