/*
 * The bits of the login session the fetch wrapper needs, kept apart from auth.ts so that the
 * client does not import the login flow (which itself uses the client).
 */

let csrfToken: string | null = null;
let user: string | null = null;
const endedListeners = new Set<(message: string) => void>();

export function currentCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The logged-in auth id (a user, or a token), or null: for what keeps data per user (the space account's cache). */
export function currentUser(): string | null {
  return user;
}

const userListeners = new Set<(user: string | null) => void>();

export function setCurrentUser(name: string | null): void {
  if (name === user) return;
  user = name;
  for (const listener of [...userListeners]) listener(name);
}

/** Registers a listener for a change of user (a logout, another login); returns the unsubscribe function. */
export function addUserChangeListener(listener: (user: string | null) => void): () => void {
  userListeners.add(listener);
  return () => userListeners.delete(listener);
}

/** Registers a listener for "the server no longer accepts our ticket"; returns the unsubscribe function. */
export function addSessionEndedListener(listener: (message: string) => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

export function notifySessionEnded(message: string): void {
  for (const listener of [...endedListeners]) listener(message);
}
