import { useEffect } from 'react';
import { HEIGHT_MESSAGE, messageTargets, themeFromMessage, type EmbedTheme } from './host-messages';

/** Sends the content height to the host on every change and takes theme messages from it. */
export function useHostMessages(allowed: readonly string[] | null, onTheme: (theme: EmbedTheme) => void): void {
  useEffect(() => {
    if (!allowed || allowed.length === 0 || window.parent === window) return;
    const parentOrigin = window.location.ancestorOrigins?.[0];
    const targets = messageTargets(allowed, parentOrigin);
    let last = -1;
    const send = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      for (const origin of targets) window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, origin);
    };
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    send();
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !allowed.includes(event.origin)) return;
      const theme = themeFromMessage(event.data);
      if (theme) onTheme(theme);
    };
    window.addEventListener('message', onMessage);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, [allowed, onTheme]);
}
