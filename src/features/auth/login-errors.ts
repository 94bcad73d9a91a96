import { PbsError } from '@/api/client';

/** PBS answers a refused login with 401 "permission check failed." and says no more, on purpose. */
export function loginErrorText(error: unknown): string {
  if (error instanceof PbsError && error.status === 401)
    return 'Login failed. Please check your user name, realm and password.';
  if (error instanceof PbsError && error.status === 0) return error.message;
  return error instanceof Error ? `Login failed: ${error.message}` : 'Login failed.';
}

export function tfaErrorText(error: unknown): string {
  if (error instanceof PbsError && error.status === 401) return 'The code was not accepted. Check it and try again.';
  return error instanceof Error ? error.message : 'The second factor check failed.';
}
