import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * Under the page's CSP (no 'unsafe-eval') every `new Function(...)` is a reported violation, even one
 * whose failure is caught. Each case loads zod afresh and counts the calls to Function while an object
 * schema parses.
 */
let made: string[] = [];
const RealFunction = globalThis.Function;

beforeEach(() => {
  made = [];
  vi.resetModules();
  vi.stubGlobal(
    'Function',
    new Proxy(RealFunction, {
      construct(target, args: string[]) {
        made.push(args.join(' '));
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: string[]) {
        made.push(args.join(' '));
        return Reflect.apply(target, self, args) as unknown;
      },
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function parseAnObject() {
  const { z } = await import('zod');
  const schema = z.object({ store: z.string(), size: z.number().optional() });
  expect(schema.parse({ store: 'store1', size: 3 })).toEqual({ store: 'store1', size: 3 });
  expect(schema.safeParse({ store: 1 }).success).toBe(false);
}

describe('zod under a CSP without unsafe-eval', () => {
  it('probes and compiles with Function when left as it comes', async () => {
    await parseAnObject();
    expect(made.length).toBeGreaterThan(0);
  });

  it('never calls Function once the entries have configured it', async () => {
    await import('./zod-jitless');
    await parseAnObject();
    expect(made).toEqual([]);
  });

  it.each(['src/main.tsx', 'src/embed.tsx'])('%s configures zod before any other import', (entry) => {
    const firstImport = /^import .*$/m.exec(readFileSync(entry, 'utf8'))?.[0];
    expect(firstImport).toBe("import './lib/zod-jitless';");
  });
});
