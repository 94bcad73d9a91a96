/** A request parameter as PBS takes it; `undefined` and `null` are left out. */
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Params = Record<string, ParamValue>;

/**
 * Encodes parameters the way PBS parses form bodies and query strings: arrays as repeated keys
 * (a comma-joined value is not split by PBS), booleans as 1/0.
 */
export function encodeParams(params: Params | undefined): URLSearchParams {
  const out = new URLSearchParams();
  if (!params) return out;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) out.append(key, String(item));
    } else if (typeof value === 'boolean') {
      out.append(key, value ? '1' : '0');
    } else {
      out.append(key, String(value));
    }
  }
  return out;
}
