import { useParams } from 'react-router';
import { SpacePage } from '@/features/space/space-page';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreSpaceRoute() {
  const store = useParams().store ?? '';
  return (
    <>
      <DatastoreTabs store={store} />
      <SpacePage key={store} store={store} />
    </>
  );
}
