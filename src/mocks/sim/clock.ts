/** Simulated time: runs with the real clock times `speed`, and can be set or jumped by tests. */
export class SimClock {
  private base: number;
  private realBase: number;

  constructor(
    start: number,
    private readonly speed: number,
    private readonly realNow: () => number,
  ) {
    this.base = start;
    this.realBase = realNow();
  }

  private exact(): number {
    return this.base + ((this.realNow() - this.realBase) / 1000) * this.speed;
  }

  now(): number {
    return Math.floor(this.exact());
  }

  setTime(epoch: number): void {
    this.base = epoch;
    this.realBase = this.realNow();
  }

  advance(seconds: number): void {
    this.setTime(this.exact() + seconds);
  }
}
