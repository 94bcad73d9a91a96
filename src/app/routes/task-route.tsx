import { useParams } from 'react-router';
import { TaskPage } from '@/features/tasks/task-page';
import { useSession } from '../session';
import { useCan } from '../use-can';

export default function TaskRoute() {
  const upid = useParams().upid ?? '';
  const user = useSession()?.username ?? '';
  const canStopAny = useCan('/system/tasks', 'Sys.Modify');
  return <TaskPage key={upid} upid={upid} user={user} canStopAny={canStopAny} />;
}
