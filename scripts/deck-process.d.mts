import type { ChildProcess } from 'node:child_process';
export function startDeck(
  root: string,
  env?: Record<string, string>,
): Promise<{ url: string; proc: ChildProcess; output: () => string }>;
export function stopDeck(proc: ChildProcess): Promise<void>;
