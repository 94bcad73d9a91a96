import { Button } from './button';
import { ErrorState } from './error-state';

/** The fallback of a widget's ErrorBoundary: what could not be shown, why, and a retry. */
export function widgetFallback(what: string) {
  function Fallback(error: unknown, reset: () => void) {
    return (
      <ErrorState
        title={`Cannot show ${what}`}
        message={error instanceof Error ? error.message : String(error)}
        action={
          <Button size="sm" onClick={reset}>
            Try again
          </Button>
        }
      />
    );
  }
  return Fallback;
}
