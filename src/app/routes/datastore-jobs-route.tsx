import { useParams } from 'react-router';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreJobsRoute() {
  const store = useParams().store ?? '';
  return (
    <>
      <DatastoreTabs store={store} />
      <h1 className="text-xl font-semibold">Jobs of {store}</h1>
    </>
  );
}
