import { useQuery } from '@tanstack/react-query';
import { deckQueries } from '@/api/queries/deck';
import { defaultServer } from '@/api/queries/default-server';
import { Button } from '@/components/ui/button';
import type { SpaceReport } from '@/lib/space/types';
import { spaceCsv } from './space-csv';

/** Hands the browser a file to save: a Blob behind a temporary link, its URL freed once the click has started. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // the download has its own reference to the Blob once the click started it
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Downloads the groups table as `<store>-space.csv`. */
export function ExportCsvButton({ store, report }: { store: string; report: SpaceReport }) {
  // the name the connection information shows for this PBS: the proxied one's host, else this page's host
  const { data: host } = useQuery({ ...deckQueries.config(defaultServer), select: (c) => c.pbs?.host ?? null });
  const server = host ?? window.location.hostname;
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => download(`${store}-space.csv`, spaceCsv(report, { server, store }))}
    >
      Export CSV
    </Button>
  );
}
