import { useQueries } from '@tanstack/react-query';
import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { privilegesAt } from '@/api/queries/privileges-at';
import { datastoreAclPath, offerOf, type Offer } from '@/lib/access-rules';

/**
 * Whether PBS would take a verify job on each namespace of `store` from `authId` (create_ and update_verification_job
 * check Datastore.Verify on the job's own path), asked once per path and session; undefined until PBS has answered.
 * Without `authId` nothing is asked and everything is offered: PBS still decides on saving.
 */
export function useVerifyTargetOffers(
  authId: string | undefined,
  store: string,
  namespaces: readonly string[],
): (Offer | undefined)[] {
  const paths = namespaces.map((ns) => datastoreAclPath(store, ns));
  const answers = useQueries({
    queries: paths.map((path) => ({
      ...accessQueries.permissions(defaultServer, authId ?? '', path),
      enabled: !!authId && store !== '',
    })),
  });
  return paths.map((path, i): Offer | undefined => {
    if (!authId) return { offered: true };
    const answer = answers[i];
    if (!answer?.isSuccess) return undefined;
    return offerOf('verifyJob', { privs: privilegesAt(answer.data, path), path, authId });
  });
}
