// PVE's JSON-schema checks of the two restore calls (PVE::JSONSchema): every problem per parameter at once, as
// 400 "Parameter verification failed.".
import { paramError } from './pve-errors';

type Kind = 'int' | 'number' | 'bool' | 'string' | 'storage';

interface Prop {
  kind: Kind;
  required?: boolean;
  min?: number;
  max?: number;
}

const COMMON: Record<string, Prop> = {
  node: { kind: 'string', required: true },
  vmid: { kind: 'int', required: true, min: 100, max: 999999999 },
  storage: { kind: 'storage' },
  force: { kind: 'bool' },
  unique: { kind: 'bool' },
  pool: { kind: 'string' },
  start: { kind: 'bool' },
  'ha-managed': { kind: 'bool' },
};

export const QEMU_PROPS: Record<string, Prop> = {
  ...COMMON,
  archive: { kind: 'string' },
  'live-restore': { kind: 'bool' },
  bwlimit: { kind: 'int', min: 0 },
  name: { kind: 'string' },
  memory: { kind: 'string' },
  cores: { kind: 'int', min: 1 },
  sockets: { kind: 'int', min: 1 },
};

export const LXC_PROPS: Record<string, Prop> = {
  ...COMMON,
  ostemplate: { kind: 'string', required: true },
  restore: { kind: 'bool' },
  bwlimit: { kind: 'number', min: 0 },
  hostname: { kind: 'string' },
  memory: { kind: 'int', min: 16 },
  cores: { kind: 'int', min: 1 },
  unprivileged: { kind: 'bool' },
  'ignore-unpack-errors': { kind: 'bool' },
};

const TRUE = /^(1|true|yes|on)$/i;
const FALSE = /^(0|false|no|off)$/i;
const STORAGE_ID = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;

export type Checked = Record<string, string | number | boolean>;

export function checkParams(props: Record<string, Prop>, raw: Record<string, string>): Checked {
  const errors: Record<string, string> = {};
  const out: Checked = {};
  for (const [key, value] of Object.entries(raw)) {
    const prop = props[key];
    if (!prop) {
      errors[key] = 'property is not defined in schema and the schema does not allow additional properties';
      continue;
    }
    const problem = checkValue(prop, value);
    if (problem) errors[key] = problem;
    else
      out[key] =
        prop.kind === 'bool' ? TRUE.test(value) : prop.kind === 'int' || prop.kind === 'number' ? Number(value) : value;
  }
  for (const [key, prop] of Object.entries(props)) {
    if (prop.required && raw[key] === undefined) errors[key] = 'property is missing and it is not optional';
  }
  if (Object.keys(errors).length) throw paramError(errors);
  return out;
}

function checkValue(prop: Prop, value: string): string | null {
  switch (prop.kind) {
    case 'bool':
      return TRUE.test(value) || FALSE.test(value) ? null : `type check ('boolean') failed - got '${value}'`;
    case 'storage':
      return STORAGE_ID.test(value) ? null : `invalid format - storage ID '${value}' contains illegal characters`;
    case 'int':
    case 'number': {
      const ok = prop.kind === 'int' ? /^-?\d+$/.test(value) : /^-?\d+(\.\d+)?$/.test(value);
      if (!ok) return `type check ('${prop.kind === 'int' ? 'integer' : 'number'}') failed - got '${value}'`;
      const n = Number(value);
      if (prop.max !== undefined && n > prop.max) return `value must have a maximum value of ${prop.max}`;
      if (prop.min !== undefined && n < prop.min) return `value must have a minimum value of ${prop.min}`;
      return null;
    }
    default:
      return null;
  }
}
