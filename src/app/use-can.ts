import { useQuery } from '@tanstack/react-query';
import { can } from './can';
import { appQueries } from './queries';
import { useSession } from './session';

/** Whether the logged-in user holds `priv` on the ACL path; false until permissions are known. */
export function useCan(path: string, priv: string): boolean {
  const user = useSession()?.username ?? '';
  const { data } = useQuery({ ...appQueries.permissions(user), enabled: user !== '' });
  return can(data, path, priv);
}
