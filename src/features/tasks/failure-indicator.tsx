import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { Button } from '@/components/ui/button';
import { FailureList } from './failure-list';
import { useUnseenFailures } from './use-unseen-failures';

/** In the header: failed verify, GC, prune and sync tasks the user has not marked seen. Nothing when there are none. */
export function FailureIndicator({ user }: { user: string }) {
  const { failures, markAllSeen } = useUnseenFailures(user);
  const [open, setOpen] = useState(false);
  if (failures.length === 0) return null;
  const n = failures.length;
  const label = `${n} failed ${n === 1 ? 'job' : 'jobs'}`;
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <AriaButton
        aria-label={`${label}, not yet seen`}
        className="flex h-8 cursor-pointer items-center gap-1 rounded-md bg-red-700 px-2 text-sm font-medium text-white outline-none hover:bg-red-800 data-focus-visible:ring-2 data-focus-visible:ring-accent-600 dark:bg-red-500 dark:text-neutral-950 dark:hover:bg-red-400"
      >
        <CircleAlert aria-hidden className="size-4" />
        {n}
      </AriaButton>
      <Popover
        placement="bottom end"
        className="w-[min(24rem,calc(100vw-1rem))] rounded-md border border-neutral-200 bg-white p-3 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
      >
        <Dialog aria-labelledby="failures-title" className="max-h-[70vh] overflow-y-auto outline-none">
          <Heading id="failures-title" slot="title" className="mb-2 text-base font-semibold">
            {label}
          </Heading>
          <FailureList failures={failures} onOpen={() => setOpen(false)} />
          <div className="mt-3 flex justify-end">
            <Button
              size="sm"
              onClick={() => {
                markAllSeen();
                setOpen(false);
              }}
            >
              Mark all seen
            </Button>
          </div>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
