import { z } from 'zod';
import { ItemError } from '@/lib/item-error';
import { describeIssue, pathText } from '@/lib/schema-issue';

/*
 * Schemas for data written by other people and machines (lib/item-error.ts): a list whose odd item fails
 * only that item, and a set of words a newer PBS may extend. Not part of the console's entry: its
 * login page and shell parse no list.
 */

/**
 * One of `values`, or any other string as OtherText. Code that switches on the known values still
 * sees exactly them; an unknown one cannot pass for any of them and is shown as the server wrote it.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string().brand<'OtherText'>()]);
}

/** Names an item by what can still be read of it: those of the fields `keys` that are strings or numbers, joined by `/`. */
export function labelOf(...keys: string[]) {
  return (raw: unknown): string | undefined => {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const parts = keys.map((k) => Reflect.get(raw, k)).filter((v) => typeof v === 'string' || typeof v === 'number');
    return parts.length ? parts.join('/') : undefined;
  };
}

/**
 * A list parsed item by item: an item that does not parse becomes an ItemError in its place, whose
 * message names the list, the item and the field (`snapshots[3].backup-time`), so a view shows it as one
 * row or card in an error state and everything else as usual. Only an answer that is no list at all
 * fails the whole read.
 */
export function listOf<S extends z.ZodType>(item: S, list: string, label?: (raw: unknown) => string | undefined) {
  return z.array(z.unknown()).transform((raws) =>
    raws.map((raw, i): z.output<S> | ItemError => {
      const parsed = item.safeParse(raw);
      if (parsed.success) return parsed.data;
      const { issues } = parsed.error;
      const first = describeIssue(issues[0], raw, (path) => `${list}[${i}]${pathText(path)}`);
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
      return new ItemError(list, i, first + more, label?.(raw), raw);
    }),
  );
}
