import type { BrowserContext, Page } from '@playwright/test';

// Searching what a browser session and a deck server leave behind for credentials: a password, TOTP code or
// recovery key a user typed, a PBS or PVE ticket, a real server's API token secret.

export interface Credential {
  /** what it is, for the failure message */
  name: string;
  value: string;
  /** a six-digit TOTP code could stand inside any longer number or hex id: only a whole one counts */
  whole?: boolean;
}

/** Any PBS or PVE ticket, also half-done second-factor ones (`PBS:!tfa!…`), plain or percent-encoded. */
const TICKET_PATTERNS = [
  /\b(PBS|PVE):\S+?:[0-9A-F]{8}::[A-Za-z0-9+/=_-]{16,}/,
  /\b(PBS|PVE)%3A\S+?%3A[0-9A-F]{8}%3A%3A/,
];

/** Everything the page's origin keeps: both storages, every IndexedDB database's records, its cookies. */
export async function browserStores(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const dump = (s: Storage) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])));
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
      }
      db.close();
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: JSON.stringify(idb),
      'document.cookie': document.cookie,
    };
  });
}

/** The browser context's cookies, HttpOnly ones too, as `name=value` lines. */
export async function contextCookies(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
}

/** Every URL the page requested and every console message and page error, from now on. */
export function watchPage(page: Page) {
  const urls: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  return { urls, consoleLines };
}

/**
 * Everywhere a credential could stay behind in the browser: its stores, the context's cookies, every URL the page
 * requested and what its console printed (`seen`, from watchPage), and `more` (the deck's output, a badge…).
 */
export async function placesToSearch(
  page: Page,
  seen: ReturnType<typeof watchPage>,
  more: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    ...(await browserStores(page)),
    'context cookies': await contextCookies(page.context()),
    'requested URLs': seen.urls.join('\n'),
    'browser console': seen.consoleLines.join('\n'),
    ...more,
  };
}

/** Every PBS ticket a login or renewal handed the page, as PBS sent it. */
export function watchTickets(page: Page): string[] {
  const tickets: string[] = [];
  page.on('response', (r) => {
    if (!/\/api2\/json\/access\/ticket$/.test(new URL(r.url()).pathname) || r.request().method() !== 'POST') return;
    r.json()
      .then((body: { data?: { ticket?: unknown } }) => {
        if (typeof body.data?.ticket === 'string') tickets.push(body.data.ticket);
      })
      .catch(() => {});
  });
  return tickets;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a value takes where it may land: as typed, percent-encoded (URLs, cookies), in JSON. */
function patternsOf(c: Credential): RegExp[] {
  const forms = [...new Set([c.value, encodeURIComponent(c.value), JSON.stringify(c.value).slice(1, -1)])];
  return forms.map((f) =>
    c.whole ? new RegExp(`(?<![0-9A-Za-z])${escape(f)}(?![0-9A-Za-z])`) : new RegExp(escape(f)),
  );
}

/** `where: what` for every credential (and every ticket-shaped string) found in the haystacks; empty when clean. */
export function findCredentials(haystacks: Record<string, string>, credentials: Credential[]): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(haystacks)) {
    for (const c of credentials) if (patternsOf(c).some((re) => re.test(text))) found.push(`${where}: ${c.name}`);
    for (const re of TICKET_PATTERNS) {
      const m = re.exec(text);
      if (m) found.push(`${where}: a ticket (${m[0].slice(0, 24)}…)`);
    }
  }
  return found;
}
