import { TaskListPage } from '@/features/tasks/task-list-page';

export default TaskListPage;
