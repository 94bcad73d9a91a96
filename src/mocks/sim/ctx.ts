// What the model's parts share: the seed, the server's zone and name, tasks, stores and the event queue.
import type { Datastore } from './datastore';
import type { TaskRegistry } from './tasks';

export interface Scheduled {
  cancel(): void;
}

export interface SimCtx {
  readonly seed: number;
  readonly zone: string;
  readonly hostname: string;
  readonly tasks: TaskRegistry;
  readonly stores: Map<string, Datastore>;
  /** runs `fn` when the model is synced past `time` (in time order with everything else) */
  at(time: number, fn: () => void): Scheduled;
}

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
