import { useParams } from 'react-router';
import { DatastoreTabs } from './datastore-tabs';
import { JobsPage } from './jobs-page';

export default function DatastoreJobsRoute() {
  const store = useParams().store ?? '';
  return (
    <>
      <DatastoreTabs store={store} />
      <JobsPage key={store} store={store} />
    </>
  );
}
