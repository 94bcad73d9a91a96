import { PbsError } from '@/api/client';

/** PBS's answer when the config file changed since the digest the client sent was read. */
export function isConfigConflict(error: unknown): boolean {
  return (
    error instanceof PbsError && error.status === 400 && error.message.startsWith('detected modified configuration')
  );
}

/** The server's message for one parameter, if the error was a parameter verification failure. */
export function paramError(error: unknown, name: string): string | undefined {
  return error instanceof PbsError ? error.params?.[name] : undefined;
}
