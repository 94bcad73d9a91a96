import { useQuery } from '@tanstack/react-query';
import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { gcQueries } from './api';
import { GcScheduleForm } from './gc-schedule-form';

/** Opens the datastore's GC schedule for editing where GC appears as a job (the jobs pages). */
export function EditGcScheduleButton({ store }: { store: string }) {
  const [open, setOpen] = useState(false);
  const config = useQuery({ ...gcQueries.config(store), enabled: open });
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Edit garbage collection schedule of ${store}`}
        onClick={() => setOpen(true)}
      >
        <Pencil aria-hidden className="size-3.5" /> Edit
      </Button>
      <Dialog title={`Garbage collection schedule of ${store}`} isOpen={open} onOpenChange={setOpen}>
        {config.isPending ? <Skeleton className="h-24" label="Loading the datastore's settings…" /> : null}
        {config.error ? (
          <ErrorState title="Cannot read the datastore's settings" message={config.error.message} />
        ) : null}
        {config.data ? (
          <GcScheduleForm store={store} current={config.data.data['gc-schedule'] ?? ''} digest={config.data.digest} />
        ) : null}
        <div className="mt-4 flex justify-end">
          <Button onClick={() => setOpen(false)}>Close</Button>
        </div>
      </Dialog>
    </>
  );
}
