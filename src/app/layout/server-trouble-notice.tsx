import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { watchServerTrouble, type ServerTrouble } from '../server-trouble';

/**
 * The one place that says the backup server is not answering while reads are asked again by themselves
 * (app/query-client.ts): above the page, which keeps showing what it last had. It counts down to the next attempt.
 */
export function ServerTroubleNotice() {
  const queryClient = useQueryClient();
  const [trouble, setTrouble] = useState<ServerTrouble | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => watchServerTrouble(queryClient.getQueryCache(), setTrouble), [queryClient]);
  const at = Math.max(now, trouble?.at ?? 0);
  useEffect(() => {
    const left = trouble ? trouble.retryAt - at : 0;
    if (left <= 0) return;
    // the next whole second of the countdown
    const timer = setTimeout(() => setNow(Date.now()), (left % 1000 || 1000) + 10);
    return () => clearTimeout(timer);
  }, [trouble, at]);

  if (!trouble) return null;
  const seconds = Math.ceil((trouble.retryAt - at) / 1000);
  const when = seconds > 0 ? `Retrying in ${seconds} s.` : 'Retrying now.';
  // the title is what is announced; a countdown read out every second would drown everything else
  const countdown = <span aria-live="off">{when}</span>;
  return (
    <ErrorState
      role="status"
      tone="warning"
      className="mb-4"
      title={trouble.unreachable ? 'Cannot reach the backup server' : 'The backup server answered with an error'}
      message={
        <>
          {trouble.message ? `${trouble.message.replace(/\.$/, '')}. ` : null}
          {countdown}
        </>
      }
    />
  );
}
