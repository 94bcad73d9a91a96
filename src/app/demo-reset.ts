import { createContext, useContext } from 'react';

/**
 * In the static demo build the simulator runs in the page and keeps its state across reloads; main.tsx
 * hands the app a way to start over from the seed. Null everywhere else.
 */
export const DemoResetContext = createContext<(() => void) | null>(null);

export function useDemoReset(): (() => void) | null {
  return useContext(DemoResetContext);
}
