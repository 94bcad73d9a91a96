/** The secret part of a `user@realm!name:secret` token, to make sure it is never sent back. */
export function tokenSecret(token: string | null): string | null {
  if (!token) return null;
  const i = token.indexOf(':');
  return i < 0 ? null : token.slice(i + 1);
}
