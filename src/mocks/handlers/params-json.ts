// JSON request bodies: proxmox-schema's verify_json, with its own texts (no trailing periods) and serde_json's
// sorted key order. The query string is ignored; URL path parameters are parsed in.
import {
  ParamError,
  checkInteger,
  checkString,
  parseSimple,
  type ParamSchema,
  type Params,
  type Schema,
} from './params';

function verifyJson(schema: Schema, value: unknown, key: string, errors: [string, string][]): void {
  try {
    switch (schema.type) {
      case 'boolean':
        if (typeof value !== 'boolean') throw new Error('Expected boolean value.');
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error('Expected integer value.');
        return checkInteger(schema, value);
      case 'string':
        if (typeof value !== 'string') throw new Error('Expected string value.');
        return checkString(schema, value);
      case 'array':
        if (!Array.isArray(value)) {
          throw new Error(
            value !== null && typeof value === 'object'
              ? 'Expected array - got object.'
              : 'Expected array - got scalar value.',
          );
        }
        value.forEach((item, i) => verifyJson(schema.items, item, `${key}/[${i}]`, errors));
    }
  } catch (e) {
    errors.push([key, (e as Error).message]);
  }
}

export function parseJsonParams(schema: ParamSchema, body: unknown, pathParams: Record<string, string>): Params {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new Error(Array.isArray(body) ? 'Expected object - got array.' : 'Expected object - got scalar value.');
  }
  const params: Params = { ...(body as Params) };
  for (const [k, v] of Object.entries(pathParams)) {
    const prop = schema[k];
    if (prop) params[k] = parseSimple(prop.schema, v);
  }
  const errors: [string, string][] = [];
  for (const key of Object.keys(params).sort()) {
    const prop = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!prop) errors.push([key, 'schema does not allow additional properties']);
    else verifyJson(prop.schema, params[key], key, errors);
  }
  for (const key of Object.keys(schema).sort()) {
    if (!schema[key]!.optional && (params[key] === undefined || params[key] === null)) {
      errors.push([key, 'property is missing and it is not optional']);
    }
  }
  if (errors.length) throw new ParamError(errors);
  return params;
}
