import { useParams } from 'react-router';
import { BrowsePage } from '@/features/restore/browse-page';
import { DatastoreTabs } from './datastore-tabs';

export default function BrowseRoute() {
  const store = useParams().store ?? '';
  return (
    <>
      <DatastoreTabs store={store} />
      <BrowsePage key={store} store={store} />
    </>
  );
}
