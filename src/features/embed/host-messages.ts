/*
 * The opt-in message protocol between an embed page and the page that frames it:
 *   to the host:   { type: 'pbs-deck:height', height: <CSS pixels of the content> }
 *   from the host: { type: 'pbs-deck:theme', theme: 'light' | 'dark' }
 * Only with exact origins the deck lists (from FRAME_ANCESTORS); anything else is ignored.
 */

export type EmbedTheme = 'light' | 'dark';

export const HEIGHT_MESSAGE = 'pbs-deck:height';
export const THEME_MESSAGE = 'pbs-deck:theme';

export function themeFromMessage(data: unknown): EmbedTheme | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, theme } = data as { type?: unknown; theme?: unknown };
  return type === THEME_MESSAGE && (theme === 'light' || theme === 'dark') ? theme : null;
}

/** `?theme=light|dark`; anything else follows the system. */
export function themeFromQuery(search: string): EmbedTheme | null {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'light' || theme === 'dark' ? theme : null;
}

export function messagesWanted(search: string): boolean {
  const v = new URLSearchParams(search).get('messages');
  return v === '1' || v === 'true';
}

/**
 * Where height messages go: the framing page's origin when the browser tells it (Chromium's
 * ancestorOrigins) and it is allowed, else every allowed origin (the browser delivers to the one
 * that matches the parent and drops the rest).
 */
export function messageTargets(allowed: readonly string[], parentOrigin: string | undefined): string[] {
  if (parentOrigin !== undefined) return allowed.includes(parentOrigin) ? [parentOrigin] : [];
  return [...allowed];
}
