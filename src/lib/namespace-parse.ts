export const MAX_NS_DEPTH = 7;

const COMPONENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** A namespace as given in a URL: null when it is not a valid PBS namespace. */
export function parseNs(value: string | null): string | null {
  if (value === null) return '';
  const ns = value.replace(/^\/+|\/+$/g, '');
  if (ns === '') return '';
  const parts = ns.split('/');
  if (parts.length > MAX_NS_DEPTH || ns.length > 256) return null;
  return parts.every((p) => COMPONENT.test(p)) ? ns : null;
}
