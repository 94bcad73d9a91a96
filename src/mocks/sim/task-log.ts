import { formatRfc3339 } from '@/lib/tz';

export interface LogLine {
  t: number;
  msg: string;
}

/** Collects the lines of one task with the sim time each was written at. */
export class TaskLogWriter {
  readonly lines: LogLine[] = [];
  warnings = 0;

  constructor(public t: number) {}

  log(msg: string): void {
    this.lines.push({ t: Math.floor(this.t), msg });
  }

  /** PBS 4 logs warnings without a `WARN: ` prefix but still counts them (pbs-formats.md §6.7). */
  warn(msg: string): void {
    this.warnings++;
    this.log(msg);
  }

  /** Moves the writer's clock on (work takes time). */
  spend(seconds: number): void {
    this.t += seconds;
  }
}

/** `{ts}: {message}` with the local time of the server's zone (pbs-formats.md §6.1). */
export function renderLine(line: LogLine, zone: string): string {
  return `${formatRfc3339(line.t, zone)}: ${line.msg}`;
}

export function finalLine(status: string): string {
  if (status === 'OK') return 'TASK OK';
  if (status.startsWith('WARNINGS: ')) return `TASK ${status}`;
  return `TASK ERROR: ${status}`;
}

export const statusFor = (warnings: number) => (warnings > 0 ? `WARNINGS: ${warnings}` : 'OK');
