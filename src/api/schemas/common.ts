import { z } from 'zod';
import { openEnum } from './tolerant';

/** Unix epoch seconds (PBS never sends milliseconds or ISO strings). */
export const epochSchema = z.number().int();
/** Byte counts are u64 in PBS; they stay below 2^53 in practice, so plain numbers suffice. */
export const bytesSchema = z.number().nonnegative();
export const countSchema = z.number().int().nonnegative();

const BACKUP_TYPES = ['vm', 'ct', 'host'] as const;
/** A backup type the console names in a request. */
export const backupTypeSchema = z.enum(BACKUP_TYPES);
export type BackupType = z.infer<typeof backupTypeSchema>;
/** A backup type as the server lists it: a newer PBS may know another. */
export const listedBackupTypeSchema = openEnum(BACKUP_TYPES);
export type ListedBackupType = z.infer<typeof listedBackupTypeSchema>;

/** Mutations answer `{"data": null}`. */
export const nullSchema = z.null();
/** Endpoints that start a task answer with its UPID. UPIDs stay strings; parse them with upid.ts. */
export const upidSchema = z.string();
