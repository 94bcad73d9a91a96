import { Link } from 'react-router';

export default function NotFoundRoute() {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm">
        This page does not exist (yet). <Link to="/">Back to the dashboard</Link>
      </p>
    </div>
  );
}
