// Options shared by every handler module.
import type { SimHost } from '../sim-host';

export interface HandlerContext {
  host: SimHost;
  /** delay before a 401, as PBS's 3 s; tests use 0 */
  authFailDelayMs: number;
  /** delay before a router-level 403, as PBS's 0.5 s */
  forbiddenDelayMs: number;
  /** PBS 3.x wording "authentication failed - <reason>" instead of 4.x's bare "authentication failed" */
  authFailureReasons: boolean;
  /** told the simulated time at which an API method's handler runs, after faults, delays and checks */
  onCall?: (requestId: string, now: number) => void;
}
