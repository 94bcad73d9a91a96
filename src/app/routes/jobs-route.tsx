import { JobsPage } from './jobs-page';

export default function JobsRoute() {
  return <JobsPage />;
}
