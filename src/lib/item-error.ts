import type { z } from 'zod';

/*
 * What the console keeps of data it cannot fully read, so one odd entry never blanks a view:
 * - OtherText: a word PBS sent where the console knows a fixed set (a verify state, a crypt mode);
 * - ItemError: an item of a list that does not parse, kept in its place, naming the field.
 * The schemas that produce them are in api/schemas/tolerant.ts.
 */

/**
 * Text the server sent where the console knows a fixed set of words (a newer PBS may add one). Branded, so
 * code that handles the known words cannot take it for one of them: it is shown as it came.
 */
export type OtherText = string & z.$brand<'OtherText'>;

/** An item of a list that the console cannot read, kept in its place. */
export class ItemError {
  constructor(
    /** the list as the message names it (`snapshots`) */
    readonly list: string,
    /** its position in the list as the server sent it */
    readonly index: number,
    /** one sentence naming the field: "The server sent snapshots[3].backup-time as a string, expected a number" */
    readonly message: string,
    /** the item's name, where that part of it is readable (a store, a group's `vm/100`) */
    readonly label: string | undefined,
    /** the item as the server sent it, for views that show what they can of it */
    readonly raw: unknown,
  ) {}
}

export const isItemError = (value: unknown): value is ItemError => value instanceof ItemError;

/** A list's readable items and, apart, those it could not read. */
export interface Listing<T> {
  items: T[];
  failed: ItemError[];
}

/** Splits a list into readable items and failures; a `select` for views that show the failures apart. */
export function splitItems<T>(list: readonly (T | ItemError)[]): Listing<T> {
  const items: T[] = [];
  const failed: ItemError[] = [];
  for (const entry of list) {
    if (entry instanceof ItemError) failed.push(entry);
    else items.push(entry);
  }
  return { items, failed };
}

/** The readable items alone, for figures and lookups that have nothing to show of a failed item. */
export const readableItems = <T>(list: readonly (T | ItemError)[]): T[] =>
  list.filter((entry): entry is T => !(entry instanceof ItemError));

/**
 * Every item, or an error naming the first one the server sent unreadable: for views that must see a whole
 * list or nothing, such as a prune preview, where a snapshot left out would be a snapshot kept or lost unseen.
 */
export function everyItem<T>(list: readonly (T | ItemError)[]): T[] {
  const failed = list.find((entry): entry is ItemError => entry instanceof ItemError);
  if (failed) throw new Error(failed.message);
  return readableItems(list);
}

/** Whether `value` is one of `known`: narrows a known-or-OtherText value to the known words. */
export const isOneOf = <K extends string>(known: readonly K[], value: string): value is K =>
  (known as readonly string[]).includes(value);
