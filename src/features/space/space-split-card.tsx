import { useQuery } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { Bytes } from '@/components/ui/bytes';
import { Card, CardHeader } from '@/components/ui/card';
import { FreeText } from '@/components/ui/free-text';
import { formatBytes } from '@/lib/format-bytes';
import type { SpaceReport } from '@/lib/space/types';
import { OnDisk } from './on-disk';
import { SPLIT_TOP_GROUPS, spaceSplit } from './space-charts';
import { muted, td, tdNum, th, thNum } from './space-styles';
import { partColor, SplitBar } from './split-bar';

const percent = (part: number, total: number) => (total > 0 ? `${((part / total) * 100).toFixed(1)} %` : '–');

/**
 * What the datastore's distinct data is made of, in logical bytes: what the largest groups hold alone, the other
 * groups, and chunks several groups share; then the on-disk space the account does not explain.
 */
export function SpaceSplitCard({ store, report }: { store: string; report: SpaceReport }) {
  // the same status the account read GC's figures from: its used bytes are the file system's
  const { data: used } = useQuery({ ...datastoreQueries.status(defaultServer, store), select: (s) => s.used });
  const split = spaceSplit(report, used);
  const { datastore } = report;
  const parts = split.segments.map((s, i) => ({ ...s, color: partColor(s.key, i) }));
  return (
    <Card aria-labelledby="space-split-title">
      <CardHeader id="space-split-title" title="What the data is made of" />
      <figure className="min-w-0 space-y-3">
        <figcaption className={`max-w-3xl text-sm ${muted}`}>
          The datastore&apos;s {formatBytes(split.total)} of distinct data in logical bytes (before compression): what
          the {SPLIT_TOP_GROUPS} largest groups hold alone, what the other groups hold alone, and chunks shared by
          several groups. The table lists each part.
          {split.unexplainedDiskBytes !== undefined
            ? ' "Not explained by the account" is on-disk space the datastore uses beyond the estimate from the last garbage collection: other files, file system overhead, chunks not yet collected, or the estimate\'s error.'
            : null}
        </figcaption>
        <SplitBar
          label={`Split of the ${formatBytes(split.total)} of distinct data of ${store}, in logical bytes; the table below lists each part`}
          parts={parts.map((p) => ({ key: p.key, value: p.bytes, color: p.color }))}
          total={split.total}
        />
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region is focusable so keys scroll it */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Parts of the data">
          <table className="w-full text-sm">
            <caption className="sr-only">Parts of the data, logical bytes and their share</caption>
            <thead className="border-b border-neutral-200 dark:border-neutral-700">
              <tr>
                <th scope="col" className={th}>
                  Part
                </th>
                <th scope="col" className={thNum}>
                  Logical
                </th>
                <th scope="col" className={thNum}>
                  Share
                </th>
                <th scope="col" className={thNum}>
                  On disk
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {parts.map((p) => (
                <tr key={p.key}>
                  <th scope="row" className={`${td} text-left font-normal [overflow-wrap:anywhere]`}>
                    <span
                      aria-hidden
                      className="mr-1.5 inline-block size-2.5 rounded-sm"
                      style={{ background: p.color }}
                    />
                    <FreeText text={p.label} />
                  </th>
                  <td className={tdNum}>
                    <Bytes value={p.bytes} />
                  </td>
                  <td className={tdNum}>{percent(p.bytes, split.total)}</td>
                  <td className={tdNum}>
                    <OnDisk bytes={p.bytes} datastore={datastore} />
                  </td>
                </tr>
              ))}
              {split.unexplainedDiskBytes !== undefined ? (
                <tr>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    Not explained by the account
                  </th>
                  <td className={`${tdNum} ${muted}`}>–</td>
                  <td className={`${tdNum} ${muted}`}>–</td>
                  <td className={tdNum}>
                    <Bytes value={split.unexplainedDiskBytes} />
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </figure>
    </Card>
  );
}
