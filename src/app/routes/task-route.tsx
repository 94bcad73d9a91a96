import { useParams } from 'react-router';
import { TaskPage } from '@/features/tasks/task-page';

export default function TaskRoute() {
  const upid = useParams().upid ?? '';
  return <TaskPage key={upid} upid={upid} />;
}
