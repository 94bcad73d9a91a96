import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// react-aria reads CSS.escape, which jsdom lacks.
if (typeof globalThis.CSS === 'undefined') {
  (globalThis as unknown as { CSS: object }).CSS = {
    escape: (s: string) => s.replace(/[^\w-]/g, '\\$&'),
    supports: () => false,
  };
}

afterEach(() => {
  cleanup();
});
