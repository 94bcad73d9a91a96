export const DEFAULT_TEST_START: string;
export const SWEEP_STARTS: string[];
export function testStartIso(env?: Record<string, string | undefined>): string;
