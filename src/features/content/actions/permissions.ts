import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessQueries } from '@/api/queries/access';
import { privilegesAt } from '@/api/queries/privileges-at';
import { defaultServer } from '@/api/queries/default-server';
import { datastoreAclPath, offerOf, type AccessAction, type Offer } from '@/lib/access-rules';
import type { ActionItem } from './action-menu';

/**
 * What the current user holds on one namespace of a datastore, as PBS answers
 * `/access/permissions?path=/datastore/<store>[/<ns>]`: propagation and NoAccess included.
 */
export interface ContentPermissions {
  /** the logged-in user (or token), for ownership */
  authId: string;
  store: string;
  /** the namespace the privileges hold on, '' for the root */
  ns: string;
  /** its ACL path */
  path: string;
  privs: ReadonlySet<string>;
  /** false until PBS has answered */
  known: boolean;
}

/** The privileges on `store`/`ns`; one request per namespace and session. */
export function useContentPermissions(authId: string, store: string, ns: string, enabled = true): ContentPermissions {
  const path = datastoreAclPath(store, ns);
  const { data, isSuccess } = useQuery({
    ...accessQueries.permissions(defaultServer, authId, path),
    enabled: enabled && authId !== '',
  });
  return useMemo(() => {
    const privs = privilegesAt(data, path);
    return { authId, store, ns, path, privs, known: isSuccess };
  }, [authId, store, ns, path, data, isSuccess]);
}

/** `base` when it already holds on `ns`; otherwise the privileges on `ns` (rows of an opened sub-namespace). */
export function usePermissionsAt(base: ContentPermissions, ns: string): ContentPermissions {
  const other = useContentPermissions(base.authId, base.store, ns, ns !== base.ns);
  return ns === base.ns ? base : other;
}

/** Whether PBS would let the user do `action` here (on a group owned by `owner`), with the reason if not. */
export function offer(permissions: ContentPermissions, action: AccessAction, owner?: string): Offer {
  return offerOf(action, { privs: permissions.privs, path: permissions.path, authId: permissions.authId, owner });
}

/** A menu item for an action, disabled with PBS's requirement when the user may not do it. */
export function gatedItem(id: string, label: string, allowed: Offer, danger?: boolean): ActionItem {
  return {
    id,
    label,
    ...(danger ? { danger } : {}),
    ...(allowed.offered ? {} : { refusal: allowed.reason }),
  };
}
