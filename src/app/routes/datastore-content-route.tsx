import { useParams } from 'react-router';
import { ContentView } from '@/features/content/content-view';
import { useSession } from '../session';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreContentRoute() {
  const store = useParams().store ?? '';
  const authId = useSession()?.username ?? '';
  return (
    <>
      <DatastoreTabs store={store} />
      <ContentView key={store} store={store} authId={authId} />
    </>
  );
}
