import { TaskViewer } from './task-viewer';

/** A task on a page of its own: a direct visit to /tasks/<upid>. */
export function TaskPage({ upid, user, canStopAny }: { upid: string; user: string; canStopAny: boolean }) {
  return <TaskViewer upid={upid} titleAs="h1" user={user} canStopAny={canStopAny} />;
}
