// A dialog that is a page of its own (a route, so that a link can name it) gives focus back to the link that opened
// it, as every other dialog does to its button. The link remembers itself when followed; closing the dialog arms
// that memory; the link, drawn again at the address it was followed from, takes focus once.
import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';

let opener: { key: string; href: string; armed: boolean } | null = null;

/** The href (path and query) of the page the hook runs on. */
function useHere(): string {
  const { pathname, search } = useLocation();
  return pathname + search;
}

/** For the opening link: `remember()` on click. */
export function useRememberOpener(key: string): () => void {
  const here = useHere();
  return () => {
    opener = { key, href: here, armed: false };
  };
}

/** For the dialog's close: the opener, if one was remembered, takes focus when it is drawn again. */
export function returnFocusToOpener(): void {
  if (opener) opener.armed = true;
}

/** For the opening link: takes focus when its dialog was closed and the page it was on is shown again. */
export function useFocusWhenReturned(key: string, ref: RefObject<HTMLElement | null>): void {
  const here = useHere();
  useEffect(() => {
    if (!opener?.armed || opener.key !== key || opener.href !== here || !ref.current) return;
    opener = null;
    ref.current.focus();
  });
}
