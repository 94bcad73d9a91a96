import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Bytes } from '@/components/ui/bytes';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { FreeText } from '@/components/ui/free-text';
import { formatBytes } from '@/lib/format-bytes';
import { DISK_ESTIMATE_ERROR } from '@/lib/space/report';
import type { DatastoreSpace, GroupSpace, Progress, SetSpace, SpaceReport } from '@/lib/space/types';
import { ExportCsvButton } from './export-csv-button';
import { GroupGrowthCard } from './group-growth-card';
import { FreesCells } from './frees-cells';
import { groupLabel, sameGroup } from './space-charts';
import { SpaceSplitCard } from './space-split-card';
import { muted, td, tdNum, th, thNum } from './space-styles';
import { useSpaceAccount, type AccountState } from './use-space-account';
import { DownloadRefusedError, type FileCounts } from '@/api/space/account';
import { INDEX_CACHE_LIMIT } from '@/api/space/index-cache';
import { KeptIndexFiles } from './kept-index-files';

/**
 * What each group, namespace and owner of a datastore holds alone (what forgetting it frees, with the first GC that
 * starts 24 h 5 min after the last one's mark) and shares with the rest, from the chunk digests of every index file.
 */
export function SpacePage({ store, inThread }: { store: string; inThread?: boolean }) {
  const { state, cancel, restart } = useSpaceAccount(store, { inThread });
  const { report } = state;
  // where PBS lists only the user's own groups, groups it cannot see may use the same chunks
  const atMost = (state.listed?.ownGroupsOnly.length ?? 0) > 0;
  const [picked, setPicked] = useState<GroupSpace | null>(null);
  const pickedButton = useRef<HTMLButtonElement | null>(null);
  const focusGrowth = useRef(false);
  const shown = picked && report?.groups.find((g) => sameGroup(g, picked));
  const close = () => {
    setPicked(null);
    pickedButton.current?.focus();
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Space of {store}</h1>
        <p className={`mt-1 max-w-3xl text-sm ${muted}`}>
          What each group holds alone (freed if it is forgotten, by the first garbage collection that starts 24 h 5 min
          after the last one&apos;s mark) and what it shares with others, counted from the chunk digests in every index
          file. Chunk counts and logical bytes are exact; on-disk bytes are estimated from the last garbage
          collection&apos;s figures (±{DISK_ESTIMATE_ERROR * 100} %).
        </p>
      </div>
      <AccountStatus state={state} cancel={cancel} restart={restart} />
      {report ? (
        <>
          <Summary datastore={report.datastore} />
          <SpaceSplitCard store={store} report={report} />
          <GroupsTable
            store={store}
            report={report}
            atMost={atMost}
            onPick={(group, button) => {
              pickedButton.current = button;
              focusGrowth.current = true;
              setPicked(group);
            }}
          />
          {shown ? (
            <GroupGrowthCard report={report} group={shown} onClose={close} focusRef={focusGrowth} atMost={atMost} />
          ) : null}
          <NamespacesTable report={report} atMost={atMost} />
          <OwnersTable report={report} atMost={atMost} />
        </>
      ) : null}
    </div>
  );
}

function progressText(p: Progress) {
  const skipped = p.skipped ? `, ${p.skipped} gone meanwhile` : '';
  return `${p.done} of ${p.total} snapshots read (${formatBytes(p.bytesRead)} of index files${skipped})`;
}

const nFiles = (k: number) => `${k.toLocaleString('en')} ${k === 1 ? 'index file' : 'index files'}`;

/** Where the index files came from: this browser keeps them, so a second account downloads only new ones. */
function filesText({ cached, downloaded, overLimit }: FileCounts) {
  const from =
    cached === 0
      ? `${nFiles(downloaded)} downloaded.`
      : `${nFiles(cached)} from this browser's cache, ${downloaded.toLocaleString('en')} downloaded.`;
  const full = overLimit
    ? ` ${nFiles(overLimit)} not kept: this browser keeps at most ${formatBytes(INDEX_CACHE_LIMIT)} of them.`
    : '';
  return from + full;
}

function AccountStatus({ state, cancel, restart }: { state: AccountState; cancel: () => void; restart: () => void }) {
  const { phase, progress, listed } = state;
  if (phase === 'failed') {
    const message = state.error instanceof Error ? state.error.message : String(state.error);
    return (
      <ErrorState
        title={
          state.error instanceof DownloadRefusedError ? 'You may not count this datastore' : 'The space account stopped'
        }
        message={message}
        action={
          <Button size="sm" onClick={restart}>
            Start again
          </Button>
        }
      />
    );
  }
  const unfinished = listed?.unfinished ? ` ${listed.unfinished} backups still running are left out.` : '';
  const ownOnly = listed?.ownGroupsOnly ?? [];
  return (
    <Card aria-labelledby="space-status-title">
      <CardHeader
        id="space-status-title"
        title="Account"
        actions={
          phase === 'listing' || phase === 'reading' ? (
            <Button size="sm" variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          ) : (
            <Button size="sm" variant="secondary" onClick={restart}>
              Count again
            </Button>
          )
        }
      />
      <div role="status" aria-labelledby="space-status-title" className="space-y-2 text-sm">
        {phase === 'listing' ? <p>Listing the snapshots…</p> : null}
        {phase === 'reading' && progress ? (
          <>
            <progress
              className="h-2 w-full"
              max={Math.max(1, progress.total)}
              value={progress.done}
              aria-label="Snapshots read"
            />
            <p>
              Reading index files: {progressText(progress)}. It waits while this tab is hidden.{unfinished}
            </p>
          </>
        ) : null}
        {phase === 'cancelled' ? (
          <p>Cancelled{progress ? ` after ${progress.done} of ${progress.total} snapshots` : ''}: no figures.</p>
        ) : null}
        {phase === 'done' && state.report ? (
          <p>
            {state.report.datastore.snapshots} snapshots read
            {state.report.datastore.skipped.length
              ? `, ${state.report.datastore.skipped.length} gone while reading (left out)`
              : ''}
            .{unfinished}
            {state.files ? ` ${filesText(state.files)}` : ''}
          </p>
        ) : null}
      </div>
      {phase === 'done' ? <KeptIndexFiles /> : null}
      {ownOnly.length ? (
        <p className="mt-2 text-sm">
          You see only your own groups in{' '}
          {ownOnly.map((o) => (o.withChildren ? `${o.path} and the namespaces below it` : o.path)).join(', ')}{' '}
          (Datastore.Backup without Datastore.Audit there). Groups you cannot see may use the same chunks: what
          forgetting frees is at most the figure shown, what is shared at least.
        </p>
      ) : null}
    </Card>
  );
}

function Summary({ datastore }: { datastore: DatastoreSpace }) {
  const rows: [string, React.ReactNode][] = [
    ['Chunks', datastore.distinct.chunks.toLocaleString('en')],
    ['Distinct data (logical)', <Bytes key="d" value={datastore.distinct.bytes} />],
    ['Referenced by all snapshots', <Bytes key="r" value={datastore.referencedBytes} />],
    [
      'Deduplication',
      datastore.distinct.bytes > 0 ? `${(datastore.referencedBytes / datastore.distinct.bytes).toFixed(2)}×` : '–',
    ],
  ];
  if (datastore.gc) {
    rows.push(['On disk (last garbage collection)', <Bytes key="g" value={datastore.gc.diskBytes} />]);
    rows.push(['Compression', `${(1 / datastore.gc.compression).toFixed(2)}×`]);
  }
  return (
    <Card aria-labelledby="space-summary-title">
      <CardHeader id="space-summary-title" title="Datastore" />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className={muted}>{k}</dt>
            <dd className="tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

interface Row {
  key: string;
  name: React.ReactNode;
  detail?: React.ReactNode;
  space: SetSpace;
  /** the row's own action, in the table's last column */
  action?: ReactNode;
}

function SpaceTable({
  title,
  caption,
  rows,
  datastore,
  actions,
  actionHeader,
  atMost,
}: {
  title: string;
  caption: string;
  rows: Row[];
  datastore: DatastoreSpace;
  /** the user sees only its own groups: unique figures are upper bounds, shared ones lower bounds */
  atMost: boolean;
  /** the card's actions, beside its title */
  actions?: ReactNode;
  /** names the column of the rows' actions; without it the table has none */
  actionHeader?: string;
}) {
  const id = `space-${title.toLowerCase().replace(/\W+/g, '-')}`;
  const sorted = [...rows].sort((a, b) => b.space.unique.bytes - a.space.unique.bytes);
  return (
    <Card aria-labelledby={id}>
      <CardHeader id={id} title={title} actions={actions} />
      {/* on a narrow screen the table scrolls sideways: the keyboard must reach it (axe's scrollable-region-focusable) */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region is focusable so keys scroll it */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-neutral-200 dark:border-neutral-700">
            <tr>
              <th scope="col" className={th}>
                {title.replace(/s$/, '')}
              </th>
              <th scope="col" className={thNum}>
                Snapshots
              </th>
              <th scope="col" className={thNum}>
                Frees if forgotten
              </th>
              <th scope="col" className={thNum}>
                On disk
              </th>
              <th scope="col" className={thNum}>
                Shared with others
              </th>
              {actionHeader ? (
                <th scope="col" className={th}>
                  {actionHeader}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {sorted.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {r.name}
                  {r.detail ? <div className={`text-xs ${muted}`}>{r.detail}</div> : null}
                </th>
                <td className={tdNum}>{r.space.snapshots}</td>
                <FreesCells unique={r.space.unique} datastore={datastore} atMost={atMost} />
                <td className={tdNum}>
                  {atMost ? <span className={muted}>at least </span> : null}
                  <Bytes value={r.space.shared.bytes} />
                </td>
                {actionHeader ? <td className={td}>{r.action}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

const nsName = (ns: string) => (ns === '' ? 'Root namespace' : ns);

function GroupsTable({
  store,
  report,
  onPick,
  atMost,
}: {
  store: string;
  report: SpaceReport;
  onPick: (group: GroupSpace, button: HTMLButtonElement) => void;
  atMost: boolean;
}) {
  const rows = report.groups.map((g) => ({
    key: `${g.ns}|${g.type}/${g.id}`,
    name: `${g.type}/${g.id}`,
    detail: (
      <>
        {g.ns ? <>{nsName(g.ns)} · </> : null}
        <FreeText text={g.owner} />
      </>
    ),
    space: g,
    action: (
      <Button
        size="sm"
        variant="secondary"
        aria-label={`Show growth of ${groupLabel(g)}`}
        onClick={(e) => onPick(g, e.currentTarget)}
      >
        Show
      </Button>
    ),
  }));
  return (
    <SpaceTable
      title="Groups"
      caption="Groups, the most freed if forgotten first"
      rows={rows}
      datastore={report.datastore}
      actions={<ExportCsvButton store={store} report={report} />}
      actionHeader="Growth"
      atMost={atMost}
    />
  );
}

function NamespacesTable({ report, atMost }: { report: SpaceReport; atMost: boolean }) {
  if (report.namespaces.length < 2) return null;
  const rows = report.namespaces.map((n) => ({
    key: n.ns,
    name: nsName(n.ns),
    detail: `${n.groups} groups, with its children`,
    space: n,
  }));
  return (
    <SpaceTable
      title="Namespaces"
      caption="Namespaces with their children, the most freed if forgotten first"
      rows={rows}
      datastore={report.datastore}
      atMost={atMost}
    />
  );
}

function OwnersTable({ report, atMost }: { report: SpaceReport; atMost: boolean }) {
  const rows = report.owners.map((o) => ({
    key: o.owner,
    name: <FreeText text={o.owner || '(no owner listed)'} />,
    detail: `${o.groups} groups`,
    space: o,
  }));
  return (
    <SpaceTable
      title="Owners"
      caption="Owners, the most held alone first"
      rows={rows}
      datastore={report.datastore}
      atMost={atMost}
    />
  );
}
