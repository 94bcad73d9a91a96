import { clearTicketCookie, readTicketCookie, ticketCookieString, writeTicketCookie } from './cookie';

const TICKET = 'PBS:root@pam:66601A2B::c2ln+/x';

afterEach(() => clearTicketCookie());

describe('PBSAuthCookie', () => {
  it('is a session cookie for the whole origin, SameSite=Lax, Secure over https', () => {
    expect(ticketCookieString(TICKET, true)).toBe(
      `PBSAuthCookie=${encodeURIComponent(TICKET)}; path=/; SameSite=Lax; Secure`,
    );
    expect(ticketCookieString(TICKET, false)).not.toContain('Secure');
    expect(ticketCookieString(TICKET, false)).not.toMatch(/expires|max-age/i);
  });

  it('reads back what was written, and is gone after clearing', () => {
    document.cookie = 'other=1; path=/';
    writeTicketCookie(TICKET);
    expect(readTicketCookie()).toBe(TICKET);
    clearTicketCookie();
    expect(readTicketCookie()).toBeNull();
    document.cookie = 'other=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
});
