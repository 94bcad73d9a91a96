import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { privilegesAt } from '@/api/queries/access';
import { appQueries } from './queries';
import { useSession } from './session';

/** The privileges the logged-in user holds on the ACL path, asked of PBS for that path; none until known. */
export function usePrivilegesAt(path: string): ReadonlySet<string> {
  const user = useSession()?.username ?? '';
  const { data } = useQuery({ ...appQueries.permissions(user, path), enabled: user !== '' });
  return useMemo(() => privilegesAt(data, path), [data, path]);
}

/** Whether the logged-in user holds `priv` on the ACL path; false until PBS has answered. */
export function useCan(path: string, priv: string): boolean {
  return usePrivilegesAt(path).has(priv);
}
