import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** The last resort: only what no widget boundary handled ends up here. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main className="space-y-2 p-6">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p role="alert" className="text-sm">
        {message}
      </p>
      <p className="text-sm">
        <Link to="/">Back to the dashboard</Link> or reload the page.
      </p>
    </main>
  );
}
