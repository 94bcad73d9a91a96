import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { privilegesAt } from '@/api/queries/privileges-at';
import { appQueries } from './queries';
import { useSession } from './session';

export interface PathPrivileges {
  privs: ReadonlySet<string>;
  /** false until PBS has answered */
  known: boolean;
}

/** The privileges the logged-in user holds on the ACL path, asked of PBS for that path (once per session). */
export function usePathPrivileges(path: string): PathPrivileges {
  const user = useSession()?.username ?? '';
  const { data, isSuccess } = useQuery({ ...appQueries.permissions(user, path), enabled: user !== '' });
  return useMemo(() => ({ privs: privilegesAt(data, path), known: isSuccess }), [data, path, isSuccess]);
}

/** Whether the logged-in user holds `priv` on the ACL path; false until PBS has answered. */
export function useCan(path: string, priv: string): boolean {
  return usePathPrivileges(path).privs.has(priv);
}
