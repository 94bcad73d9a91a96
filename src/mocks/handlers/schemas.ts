// Parameter schemas PBS uses across endpoints (pbs-api-types, proxmox-schema api_types).
import type { Prop, Schema } from './params';

const SAFE_ID = '[A-Za-z0-9_][A-Za-z0-9._\\-]*';

export const str = (extra: Omit<Extract<Schema, { type: 'string' }>, 'type'> = {}): Schema => ({
  type: 'string',
  ...extra,
});
export const int = (minimum?: number, maximum?: number): Schema => ({ type: 'integer', minimum, maximum });
export const bool: Schema = { type: 'boolean' };

export const opt = (schema: Schema): Prop => ({ schema, optional: true });
export const req = (schema: Schema): Prop => ({ schema });

export const DATASTORE = str({ pattern: new RegExp(`^${SAFE_ID}$`), minLength: 3, maxLength: 32 });
export const NODE = str({ pattern: /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)$/ });
export const NAMESPACE = str({ pattern: new RegExp(`^(?:(?:${SAFE_ID}/){0,7}${SAFE_ID})?$`), maxLength: 256 });
export const BACKUP_TYPE = str({ enum: ['vm', 'ct', 'host'] });
export const BACKUP_ID = str({ pattern: new RegExp(`^${SAFE_ID}$`) });
export const BACKUP_TIME = int(1);
export const MAX_DEPTH = int(0, 7);
export const USERID = str({ pattern: /^[^\s:/\p{Cc}]+@[A-Za-z0-9_][A-Za-z0-9._-]*$/u, minLength: 3, maxLength: 64 });
export const AUTHID = str({
  pattern: /^[^\s:/\p{Cc}]+@[A-Za-z0-9_][A-Za-z0-9._-]*(?:![A-Za-z0-9_][A-Za-z0-9._-]*)?$/u,
  minLength: 3,
  maxLength: 64,
});
export const ACL_PATH = str({ pattern: new RegExp(`^(?:/|(?:/${SAFE_ID})+)$`), minLength: 1, maxLength: 128 });
export const UPID = str({
  pattern:
    /^UPID:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:[0-9A-Fa-f]{8,16}:[0-9A-Fa-f]{8}:[^:\s]+:[^:\s]*:[^:\s]+:$/,
  minLength: 'UPID:N:12345678:12345678:12345678:::'.length,
});
export const DIGEST = str({ pattern: /^[a-f0-9]{64}$/ });
export const SINGLE_LINE_COMMENT = str({ pattern: /^\P{Cc}*$/u });
export const RRD_TIMEFRAME = str({ enum: ['hour', 'day', 'week', 'month', 'year', 'decade'] });
export const RRD_CF = str({ enum: ['MAX', 'AVERAGE'] });
export const TOKEN_NAME = str({ pattern: new RegExp(`^${SAFE_ID}$`) });
export const PBS_PASSWORD = str({ pattern: /^\P{Cc}*$/u, minLength: 5, maxLength: 64 });
/** first and last name, e-mail address */
export const NAME_FIELD = str({ pattern: /^\P{Cc}*$/u, minLength: 2, maxLength: 64 });
export const EXPIRE = int(0);
