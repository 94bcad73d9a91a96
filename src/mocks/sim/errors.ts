/** An error PBS would answer with: `message` is PBS's plain-text body. */
export class SimError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export const noSuchStore = (name: string) => new SimError(400, `no such datastore '${name}'`);
export const enoent = () => new SimError(400, 'ENOENT: No such file or directory');
