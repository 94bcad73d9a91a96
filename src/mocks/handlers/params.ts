// Parameter verification with proxmox-schema's rules and texts: form/query pairs are parsed in order (body, then
// query without ExtJS's `_dc`, then URL path parameters); a JSON body replaces the query entirely. Errors come back
// as one 400 text: "parameter verification failed - 'x': msg", or one "- 'x': msg" line each when there are several.
export type Schema =
  | { type: 'string'; minLength?: number; maxLength?: number; pattern?: RegExp; enum?: readonly string[] }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'array'; items: Schema };

export interface Prop {
  schema: Schema;
  optional?: boolean;
}

export type ParamSchema = Record<string, Prop>;
export type ParamValue = string | number | boolean | ParamValue[];
export type Params = Record<string, ParamValue | undefined>;

export class ParamError extends Error {
  constructor(readonly errors: [string, string][]) {
    super(formatParamErrors(errors));
  }
}

export function formatParamErrors(errors: [string, string][]): string {
  if (errors.length === 1) return `parameter verification failed - '${errors[0]![0]}': ${errors[0]![1]}`;
  return `parameter verification failed:\n${errors.map(([k, m]) => `- '${k}': ${m}`).join('\n')}`;
}

export function checkString(s: Extract<Schema, { type: 'string' }>, value: string): void {
  const len = [...value].length;
  if (s.minLength !== undefined && len < s.minLength)
    throw new Error(`value must be at least ${s.minLength} characters long`);
  if (s.maxLength !== undefined && len > s.maxLength)
    throw new Error(`value may only be ${s.maxLength} characters long`);
  if (s.pattern && !s.pattern.test(value)) throw new Error('value does not match the regex pattern');
  if (s.enum && !s.enum.includes(value)) throw new Error(`value '${value}' is not defined in the enumeration.`);
}

export function checkInteger(s: Extract<Schema, { type: 'integer' }>, n: number): void {
  if (s.minimum !== undefined && n < s.minimum)
    throw new Error(`value must have a minimum value of ${s.minimum} (got ${n})`);
  if (s.maximum !== undefined && n > s.maximum)
    throw new Error(`value must have a maximum value of ${s.maximum} (got ${n})`);
}

/** Rust's i64 `str::parse`, with its error texts. */
function parseI64(text: string): number {
  if (text === '') throw new Error('cannot parse integer from empty string');
  if (!/^[+-]?\d+$/.test(text) || text === '+' || text === '-') throw new Error('invalid digit found in string');
  const n = BigInt(text);
  if (n > 9223372036854775807n) throw new Error('number too large to fit in target type');
  if (n < -9223372036854775808n) throw new Error('number too small to fit in target type');
  return Number(n);
}

/** A single form value, as proxmox-schema's parse_simple_value. */
export function parseSimple(schema: Schema, text: string): ParamValue {
  switch (schema.type) {
    case 'boolean': {
      const v = text.toLowerCase();
      if (['1', 'on', 'yes', 'true'].includes(v)) return true;
      if (['0', 'off', 'no', 'false'].includes(v)) return false;
      throw new Error('Unable to parse boolean option.');
    }
    case 'integer': {
      const n = parseI64(text);
      checkInteger(schema, n);
      return n;
    }
    case 'string':
      checkString(schema, text);
      return text;
    default:
      throw new Error('unable to parse complex (sub) objects.');
  }
}

export function parseFormParams(schema: ParamSchema, pairs: [string, string][]): Params {
  const params: Params = {};
  const errors: [string, string][] = [];
  for (const [key, value] of pairs) {
    const prop = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!prop) {
      errors.push([key, 'schema does not allow additional properties.']);
      continue;
    }
    try {
      if (prop.schema.type === 'array') {
        const list = (params[key] ??= []) as ParamValue[];
        list.push(parseSimple(prop.schema.items, value));
      } else {
        const parsed = parseSimple(prop.schema, value);
        if (params[key] !== undefined) errors.push([key, 'duplicate parameter.']);
        else params[key] = parsed;
      }
    } catch (e) {
      errors.push([key, (e as Error).message]);
    }
  }
  if (errors.length === 0) {
    for (const key of Object.keys(schema).sort()) {
      if (!schema[key]!.optional && params[key] === undefined) {
        errors.push([key, 'parameter is missing and it is not optional.']);
      }
    }
  }
  if (errors.length) throw new ParamError(errors);
  return params;
}
