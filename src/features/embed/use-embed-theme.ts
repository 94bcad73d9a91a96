import { useCallback, useEffect, useState } from 'react';
import { themeFromQuery, type EmbedTheme } from './host-messages';

const systemDark = () => Boolean(window.matchMedia?.('(prefers-color-scheme: dark)').matches);

/** `?theme=` first, then the system; a host's theme message replaces either. Nothing is stored. */
export function useEmbedTheme(search: string): [EmbedTheme, (theme: EmbedTheme) => void] {
  const [theme, setTheme] = useState<EmbedTheme>(() => themeFromQuery(search) ?? (systemDark() ? 'dark' : 'light'));
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  return [theme, useCallback((t: EmbedTheme) => setTheme(t), [])];
}
