import type { RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Bytes } from '@/components/ui/bytes';
import { Card } from '@/components/ui/card';
import { FreeText } from '@/components/ui/free-text';
import { Time } from '@/components/ui/time';
import type { GroupSpace, SpaceReport } from '@/lib/space/types';
import { GrowthChart } from './growth-chart';
import { FreesCells } from './frees-cells';
import { groupGrowth, groupLabel, groupSnapshots } from './space-charts';
import { muted, td, tdNum, th, thNum } from './space-styles';

/**
 * One group's backups: what each added to the one before (a bar each), and what forgetting each alone frees.
 * Its heading takes the focus when `focusRef.current` is set (the user picked a group), so keyboard and screen reader
 * users land on it, and not when the card comes back after a recount.
 */
export function GroupGrowthCard({
  report,
  group,
  onClose,
  focusRef,
  atMost,
}: {
  report: SpaceReport;
  group: GroupSpace;
  onClose: () => void;
  focusRef: RefObject<boolean>;
  /** the user sees only its own groups: what forgetting frees is an upper bound */
  atMost: boolean;
}) {
  const takeFocus = (heading: HTMLHeadingElement | null) => {
    if (!heading || !focusRef.current) return;
    focusRef.current = false;
    heading.focus();
  };
  const snapshots = groupSnapshots(report, group);
  const label = groupLabel(group);
  const points = groupGrowth(report, group);
  return (
    <Card aria-labelledby="space-growth-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2
          id="space-growth-title"
          ref={takeFocus}
          tabIndex={-1}
          className="min-w-0 text-base font-semibold [overflow-wrap:anywhere] text-neutral-900 focus:outline-none dark:text-neutral-100"
        >
          Growth of <FreeText text={label} />
        </h2>
        <Button size="sm" variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      <figure className="min-w-0 space-y-3">
        <figcaption className={`text-sm ${muted}`}>
          Logical bytes each backup added: chunks not in the backup before it (all of them for the oldest). The table
          lists each backup and what forgetting it alone frees.
        </figcaption>
        <GrowthChart label={`Bytes added by each backup of ${label}`} points={points} />
      </figure>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region is focusable so keys scroll it */}
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`Backups of ${label}`}>
        <table className="w-full min-w-[30rem] text-sm">
          <caption className="sr-only">Backups of {label}, oldest first</caption>
          <thead className="border-b border-neutral-200 dark:border-neutral-700">
            <tr>
              <th scope="col" className={th}>
                Backup time
              </th>
              <th scope="col" className={thNum}>
                Added
              </th>
              <th scope="col" className={thNum}>
                Frees if forgotten
              </th>
              <th scope="col" className={thNum}>
                On disk
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {snapshots.map((s) => (
              <tr key={s.time}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  <Time epoch={s.time} />
                </th>
                <td className={tdNum}>
                  <Bytes value={s.added.bytes} />
                </td>
                <FreesCells unique={s.unique} datastore={report.datastore} atMost={atMost} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
