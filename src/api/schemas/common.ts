import { z } from 'zod';

/** Unix epoch seconds (PBS never sends milliseconds or ISO strings). */
export const epochSchema = z.number().int();
/** Byte counts are u64 in PBS; they stay below 2^53 in practice, so plain numbers suffice. */
export const bytesSchema = z.number().nonnegative();
export const countSchema = z.number().int().nonnegative();

export const backupTypeSchema = z.enum(['vm', 'ct', 'host']);
export type BackupType = z.infer<typeof backupTypeSchema>;

/** Mutations answer `{"data": null}`. */
export const nullSchema = z.null();
/** Endpoints that start a task answer with its UPID. UPIDs stay strings; parse them with upid.ts. */
export const upidSchema = z.string();
