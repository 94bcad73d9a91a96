import { Bytes } from '@/components/ui/bytes';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { UsageBar } from '@/components/ui/usage-bar';
import { dedupFactor, formatDedupFactor } from '@/lib/dedup';
import { describeEstimatedFull, interpretEstimatedFull } from '@/lib/estimated-full';
import { formatRelative } from '@/lib/format-time';
import { usageLevel, usageRatio } from '@/lib/usage';
import type { StoreSummary } from './store-summary';

function LastGc({ gc, now }: { gc: StoreSummary['lastGc']; now: number }) {
  if (!gc) return <Unknown>never ran</Unknown>;
  if ('running' in gc) return <>running</>;
  const failed = gc.state !== 'OK' && !gc.state.startsWith('WARNINGS');
  return (
    <span title={gc.state}>
      {formatRelative(gc.end, now)}
      {failed ? <span className="text-red-700 dark:text-red-300"> (failed)</span> : null}
    </span>
  );
}

function LastVerify({ verify, now }: { verify: StoreSummary['lastVerify']; now: number }) {
  if (!verify) return <Unknown>none seen</Unknown>;
  return (
    <span>
      {verify.ok ? 'ok' : <span className="text-red-700 dark:text-red-300">failed</span>},{' '}
      {formatRelative(verify.end, now)}
    </span>
  );
}

/** Usage, estimate, dedup, last GC and verify of one datastore, compact. */
export function StoreFigures({ summary, now }: { summary: StoreSummary; now: number }) {
  const { usage } = summary;
  const ratio = usageRatio(usage);
  const gc = usage['gc-status'];
  return (
    <>
      {ratio !== null ? <UsageBar ratio={ratio} level={usageLevel(ratio)} label={`Usage of ${usage.store}`} /> : null}
      <FigureList className="text-xs">
        <Figure label="Used">
          {usage.used !== undefined && usage.total !== undefined ? (
            <>
              <Bytes value={usage.used} /> of <Bytes value={usage.total} />
            </>
          ) : (
            <Unknown />
          )}
        </Figure>
        <Figure label="Estimated full">{describeEstimatedFull(interpretEstimatedFull(usage, now), now)}</Figure>
        <Figure label="Deduplication">
          {gc && gc.upid !== null ? formatDedupFactor(dedupFactor(gc)) : <Unknown>no GC yet</Unknown>}
        </Figure>
        <Figure label="Last GC">
          <LastGc gc={summary.lastGc} now={now} />
        </Figure>
        <Figure label="Last verify">
          <LastVerify verify={summary.lastVerify} now={now} />
        </Figure>
      </FigureList>
    </>
  );
}
