/**
 * react-virtual renders rows only when its scroll element has a size, and jsdom lays nothing out: every
 * element of the test file reports this size, restored after the file.
 */
export function giveElementsASize(size = { clientHeight: 700, clientWidth: 1200 }) {
  const saved = Object.keys(size).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
  beforeAll(() => {
    for (const [k, v] of Object.entries(size))
      Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v });
  });
  afterAll(() => {
    for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
  });
}
