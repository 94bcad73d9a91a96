import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { embedQueries } from './api';
import { ConsoleLink } from './console-link';
import { messagesWanted } from './host-messages';
import { useEmbedTheme } from './use-embed-theme';
import { useHostMessages } from './use-host-messages';

/** Every embed view: compact padding, the theme, host messages when asked for, a way to the console. */
export function EmbedFrame({ search, children }: { search: string; children: ReactNode }) {
  const [, setTheme] = useEmbedTheme(search);
  const wanted = useMemo(() => messagesWanted(search), [search]);
  const config = useQuery({ ...embedQueries.config(), enabled: wanted });
  useHostMessages(wanted ? (config.data?.messageOrigins ?? null) : null, setTheme);
  return (
    <main className="space-y-2 p-2">
      {children}
      <p className="text-right text-xs">
        <ConsoleLink to="/">Open PBS Deck</ConsoleLink>
      </p>
    </main>
  );
}
