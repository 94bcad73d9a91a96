import { useSyncExternalStore } from 'react';
import { getSession, subscribe, type Session } from '@/api/auth';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
