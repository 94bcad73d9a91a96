import { useParams } from 'react-router';
import { DatastoreSummary } from '@/features/datastores/datastore-summary';
import { StartGcButton } from '@/features/datastores/start-gc-button';
import { useSession } from '../session';
import { useCan } from '../use-can';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreSummaryRoute() {
  const store = useParams().store ?? '';
  const user = useSession()?.username ?? '';
  const mayGc = useCan(`/datastore/${store}`, 'Datastore.Modify');
  return (
    <>
      <DatastoreTabs store={store} />
      <DatastoreSummary key={store} store={store} user={user} gcAction={mayGc ? <StartGcButton store={store} /> : null} />
    </>
  );
}
