import { logMessage } from '@/lib/task-progress';

export {
  isLogComplete,
  mergeLog,
  nextLogStart,
  type LogLine,
  type LogPage,
  type LogState,
} from '@/api/queries/task-log';

export type LineTone = 'error' | 'warning' | null;

const ERROR_LINE =
  /^(TASK ERROR: |can't verify chunk|corrupted chunk renamed|could not rename corrupted chunk|Failed to verify|\t)|( failed: | was marked as corrupt$|^detected chunk with wrong)/;
const WARNING_LINE = /^(WARN: |TASK WARNINGS: )/;

/** Lines worth the eye: the failure and what led to it; warnings. */
export function logLineTone(text: string): LineTone {
  const message = logMessage(text);
  if (ERROR_LINE.test(message)) return 'error';
  if (WARNING_LINE.test(message)) return 'warning';
  return null;
}
