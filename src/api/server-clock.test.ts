import { recordServerDate, resetServerClock, serverClockSkew, serverNow } from './server-clock';

const header = (ms: number) => new Date(ms).toUTCString();

afterEach(() => resetServerClock());

describe('server clock', () => {
  it('is the browser clock until a Date header arrives', () => {
    recordServerDate(null, 0, 0);
    recordServerDate('not a date', 0, 0);
    expect(serverClockSkew()).toBe(0);
    expect(serverNow(1_700_000_000_000)).toBe(1_700_000_000);
  });

  it('narrows the skew down over several answers', () => {
    const browser = 1_700_000_000_000;
    const skew = 3_600_400; // server 1 h 0.4 s ahead
    // Each answer takes 200 ms; the header truncates the server time to whole seconds.
    for (let i = 0; i < 10; i++) {
      const sent = browser + i * 1337;
      const serverAtReply = sent + 100 + skew;
      recordServerDate(header(Math.floor(serverAtReply / 1000) * 1000), sent, sent + 200);
    }
    expect(Math.abs(serverClockSkew() - skew)).toBeLessThan(300);
    expect(serverNow(browser)).toBe(Math.floor((browser + serverClockSkew()) / 1000));
  });

  it('follows a jump of the server clock', () => {
    const t = 1_700_000_000_000;
    recordServerDate(header(t), t, t + 50);
    recordServerDate(header(t + 86_400_000), t + 1000, t + 1050);
    expect(Math.abs(serverClockSkew() - 86_399_000)).toBeLessThan(1000);
  });
});
