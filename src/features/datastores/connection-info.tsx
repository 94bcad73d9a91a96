import { useQuery } from '@tanstack/react-query';
import { Card, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { Unknown } from '@/components/ui/figure';
import { datastoreQueries } from './api';
import { pvesmCommand, repository, repositoryWithUser, type ConnectionTarget } from './connection-strings';

interface ConnectionInfoProps {
  store: string;
  user: string;
}

function Row({ label, value, copyLabel }: { label: string; value: string | null; copyLabel: string }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-0.5 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-center">
      <dt className="text-sm text-neutral-600 dark:text-neutral-400">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1">
        {value ? (
          <>
            <code className="min-w-0 flex-1 rounded bg-neutral-100 px-1.5 py-0.5 text-xs break-all dark:bg-neutral-800">
              {value}
            </code>
            <CopyButton value={value} label={copyLabel} />
          </>
        ) : (
          <Unknown />
        )}
      </dd>
    </div>
  );
}

/**
 * What a backup client or Proxmox VE needs to reach this datastore. Behind the deck server that is
 * the PBS it proxies (from /deck/config); otherwise the host this page came from, on PBS's 8007.
 */
export function ConnectionInfo({ store, user }: ConnectionInfoProps) {
  const { data: node } = useQuery(datastoreQueries.nodeStatus());
  const { data: pbs } = useQuery(datastoreQueries.deckTarget());
  const fingerprint = node?.info?.fingerprint ?? pbs?.fingerprint ?? undefined;
  const target: ConnectionTarget = {
    host: pbs?.host ?? window.location.hostname,
    port: pbs?.port ?? 8007,
    store,
    user,
    fingerprint,
  };
  return (
    <Card aria-labelledby="connection-title">
      <CardHeader id="connection-title" title="Connection information" />
      <dl className="space-y-2">
        <Row label="Repository" value={repository(target)} copyLabel="Copy repository" />
        <Row label="With current user" value={repositoryWithUser(target)} copyLabel="Copy repository with user" />
        <Row label="Fingerprint" value={fingerprint ?? null} copyLabel="Copy fingerprint" />
        <Row label="Proxmox VE storage" value={pvesmCommand(target)} copyLabel="Copy pvesm command" />
      </dl>
    </Card>
  );
}
