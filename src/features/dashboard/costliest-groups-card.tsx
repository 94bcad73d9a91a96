import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { deckQueries } from '@/api/queries/deck';
import { defaultServer } from '@/api/queries/default-server';
import { costliestGroups, serverNameOf } from '@/api/space/last-accounts';
import { Card, CardHeader } from '@/components/ui/card';
import { FreeText } from '@/components/ui/free-text';
import { formatBytes } from '@/lib/format-bytes';
import { formatDateTime } from '@/lib/format-time';
import { dashboardQueries } from './api';

const th = 'px-2 py-1.5 text-left text-xs font-semibold text-neutral-700 dark:text-neutral-300';
const td = 'px-2 py-1.5 align-top';

/**
 * The ten guests that would free the most if forgotten, over every datastore whose space view this browser has
 * counted (each as of its last count). Nothing until a count exists: it is never started from here.
 */
export function CostliestGroupsCard() {
  const config = useQuery(deckQueries.config(defaultServer));
  const stores = useQuery(dashboardQueries.datastores());
  if (!stores.data || config.isPending) return null;
  const server = serverNameOf(config.data, defaultServer.id);
  const groups = costliestGroups(
    server,
    stores.data.map((s) => s.store),
  );
  if (groups.length === 0) return null;
  return (
    <Card aria-labelledby="costliest-title">
      <CardHeader id="costliest-title" title="Largest unique cost" />
      <p className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
        What forgetting each guest would free, as the last count of its datastore&apos;s space found it.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={th}>Guest</th>
              <th className={th}>Datastore</th>
              <th className={`${th} text-right`}>Frees if forgotten</th>
              <th className={th}>Counted</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr
                key={`${g.store}|${g.ns}|${g.type}/${g.id}`}
                className="border-t border-neutral-200 dark:border-neutral-700"
              >
                <th scope="row" className={`${td} text-left font-normal`}>
                  <FreeText text={`${g.type}/${g.id}`} />
                  {g.ns ? (
                    <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                      <FreeText text={g.ns} />
                    </span>
                  ) : null}
                </th>
                <td className={td}>
                  <Link className="underline" to={`/datastores/${encodeURIComponent(g.store)}/space`}>
                    <FreeText text={g.store} />
                  </Link>
                </td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                  {formatBytes(g.bytes)}
                  <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                    {g.chunks.toLocaleString('en')} chunks
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatDateTime(g.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
