import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ContentView } from '@/features/content/content-view';
import { useCan } from '../use-can';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreContentRoute() {
  const store = useParams().store ?? '';
  const path = `/datastore/${store}`;
  const modify = useCan(path, 'Datastore.Modify');
  const verify = useCan(path, 'Datastore.Verify');
  const prune = useCan(path, 'Datastore.Prune');
  const read = useCan(path, 'Datastore.Read');
  const permissions = useMemo(() => ({ modify, verify, prune, read }), [modify, verify, prune, read]);
  return (
    <>
      <DatastoreTabs store={store} />
      <ContentView key={store} store={store} permissions={permissions} />
    </>
  );
}
