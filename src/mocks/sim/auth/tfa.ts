// Second factors as proxmox-tfa keeps them per user: TOTP entries (a reused code is refused, 8 failures lock TOTP
// until a recovery key is used) and a set of single-use recovery keys, listed to the client by index.
import { base32Decode, matchTotp } from './totp';

export interface TfaChallenge {
  totp?: true;
  recovery?: number[];
}

export const TOTP_FAILURE_LIMIT = 8;

export class UserTfa {
  private lastCount = -1;
  private totpFailures = 0;
  private totpLocked = false;
  /** null marks a used key */
  private recovery: (string | null)[];

  constructor(
    private readonly totpSecret: string | undefined,
    recoveryKeys: string[] = [],
  ) {
    this.recovery = [...recoveryKeys];
  }

  /** null when the user has no second factor: the login then gets a full ticket at once. */
  challenge(): TfaChallenge | null {
    const out: TfaChallenge = {};
    if (this.totpSecret) out.totp = true;
    const available = this.recovery.flatMap((k, i) => (k === null ? [] : [i]));
    if (this.recovery.length > 0) out.recovery = available;
    return out.totp || out.recovery ? out : null;
  }

  /** Throws with PBS's log reason on failure. `now` is real epoch seconds. */
  verify(response: string, now: number): void {
    if (response.startsWith('totp:')) return this.verifyTotp(response.slice(5), now);
    if (response.startsWith('recovery:')) return this.verifyRecovery(response.slice(9));
    throw new Error('invalid tfa response');
  }

  private verifyTotp(code: string, now: number): void {
    if (!this.totpSecret || this.totpLocked) throw new Error('totp locked or not configured');
    const counter = matchTotp(base32Decode(this.totpSecret), code, now);
    if (counter !== null && counter <= this.lastCount) {
      this.failTotp();
      throw new Error('rejecting reused TOTP value');
    }
    if (counter === null) {
      this.failTotp();
      throw new Error('totp verification failed');
    }
    this.lastCount = counter;
    this.totpFailures = 0;
  }

  private failTotp(): void {
    this.totpFailures += 1;
    if (this.totpFailures >= TOTP_FAILURE_LIMIT) this.totpLocked = true;
  }

  private verifyRecovery(key: string): void {
    const i = this.recovery.indexOf(key);
    if (i < 0) throw new Error('recovery key verification failed');
    this.recovery[i] = null;
    this.totpLocked = false;
    this.totpFailures = 0;
  }
}
