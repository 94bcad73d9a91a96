// What the deck keeps in memory of one answer from PBS on the paths that need no login
// (/embed-api/, badges): their answers are lists and status, far below this.

export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** The answer went past MAX_ANSWER_BYTES; reading it was stopped there. */
export class AnswerTooLargeError extends Error {
  readonly status = 502;
  constructor(server: string) {
    super(`answer too large: ${server} sent more than ${MAX_ANSWER_BYTES / (1024 * 1024)} MiB`);
    this.name = 'AnswerTooLargeError';
  }
}
