import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { serverNow } from '@/api/client';
import { parseUpid } from '@/api/upid';
import { Card } from '@/components/ui/card';
import { OtherBadge } from '@/components/ui/enum-badge';
import { ErrorState } from '@/components/ui/error-state';
import { FreeText } from '@/components/ui/free-text';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import { formatDuration } from '@/lib/format-time';
import { describeTask } from '@/lib/task-description';
import { logLineTime, taskProgress } from '@/lib/task-progress';
import { taskStateKind } from '@/lib/task-status';
import { taskQueries } from './api';
import { isLogComplete } from './log-merge';
import { DownloadLogButton } from './download-log-button';
import { StopTaskButton } from './stop-task-button';
import { TaskLog } from './task-log';
import { TaskProgressBar } from './task-progress-bar';
import { TaskStatusBadge } from '@/components/ui/task-status-badge';

export interface TaskViewerProps {
  upid: string;
  /** The heading's level: h1 on the task's own page and in the modal panel, which hides the page below. */
  titleAs: 'h1' | 'h2';
  titleId?: string;
  /** The logged-in auth id: PBS lets it stop its own tasks. */
  user: string;
  /** Sys.Modify on /system/tasks: may stop anybody's task. */
  canStopAny: boolean;
  /** The panel's close button. */
  close?: ReactNode;
}

/** One task: what it is in words, its state and progress, its log followed live; stop and download. */
export function TaskViewer({ upid, titleAs: Title, titleId, user, canStopAny, close }: TaskViewerProps) {
  const parsed = parseUpid(upid);
  const mayStop = canStopAny || (parsed !== null && parsed.user === user);
  const status = useQuery(taskQueries.status(upid));
  const log = useQuery(taskQueries.log(upid));
  const lines = log.data?.lines;
  const kind = status.data ? taskStateKind(status.data) : null;
  const running = kind === 'running';
  const progress =
    running && parsed && lines
      ? taskProgress(
          parsed.type,
          lines.map((l) => l.t),
        )
      : null;
  const last = lines?.at(-1);
  const ended = !running && last && isLogComplete(log.data) ? logLineTime(last.t) : null;
  const title = parsed ? describeTask(parsed.type, parsed.id) : 'Task';

  return (
    <div className="space-y-4">
      <div className="flex items-start gap-2">
        <Title id={titleId} className="mr-auto min-w-0 text-xl font-semibold break-words">
          <FreeText text={title} />
        </Title>
        {close}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {status.data && kind === null ? (
          <OtherBadge value={status.data.status} />
        ) : status.data ? (
          <TaskStatusBadge status={running ? undefined : (status.data.exitstatus ?? 'unknown')} />
        ) : (
          <Unknown>{status.isPending ? 'Reading the status…' : 'Status unknown'}</Unknown>
        )}
        {running && mayStop ? <StopTaskButton upid={upid} /> : null}
      </div>
      {status.error && !status.data ? (
        <ErrorState title="Cannot read the task's status" message={status.error.message} />
      ) : null}
      {kind === 'error' ? <ErrorState title="The task failed" message={status.data?.exitstatus} /> : null}
      {progress ? <TaskProgressBar progress={progress} /> : null}
      <Card aria-label="Task details">
        <FigureList>
          <Figure label="Started">{parsed ? <Time epoch={parsed.starttime} /> : <Unknown />}</Figure>
          <Figure label="Ended">{running ? 'still running' : ended ? <Time epoch={ended} /> : <Unknown />}</Figure>
          <Figure label={running ? 'Running for' : 'Duration'}>
            {parsed && (running || ended) ? formatDuration((ended ?? serverNow()) - parsed.starttime) : <Unknown />}
          </Figure>
          <Figure label="User">{parsed?.user ?? status.data?.user ?? <Unknown />}</Figure>
          <Figure label="Task id">
            <span className="font-mono text-xs font-normal break-all">{upid}</span>
          </Figure>
        </FigureList>
      </Card>
      <TaskLog log={log.data} error={log.data ? null : log.error} actions={<DownloadLogButton upid={upid} />} />
    </div>
  );
}
