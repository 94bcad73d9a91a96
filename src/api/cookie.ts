/*
 * PBS 3.x/4.x (without the opt-in HttpOnly variant) does not set the auth cookie; the client sets it
 * from the login answer, as PBS's own UI does. PBS percent-decodes the value, so encoding is safe.
 */

export const TICKET_COOKIE = 'PBSAuthCookie';

const overHttps = () => typeof location !== 'undefined' && location.protocol === 'https:';

function attributes(secure: boolean): string {
  return `; path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The cookie string that stores `ticket`: session cookie, whole origin, Secure over https. */
export function ticketCookieString(ticket: string, secure: boolean = overHttps()): string {
  return `${TICKET_COOKIE}=${encodeURIComponent(ticket)}${attributes(secure)}`;
}

export function writeTicketCookie(ticket: string): void {
  document.cookie = ticketCookieString(ticket);
}

export function readTicketCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TICKET_COOKIE) {
      const value = rest.join('=');
      try {
        return value ? decodeURIComponent(value) : null;
      } catch {
        return value;
      }
    }
  }
  return null;
}

export function clearTicketCookie(): void {
  document.cookie = `${TICKET_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT${attributes(overHttps())}`;
}
