/** Any other /embed/ path: say which views exist (none of them leads into the console). */
export function UnknownView() {
  return (
    <div role="alert" className="space-y-1 text-sm">
      <h1 className="font-semibold">No such embedded view</h1>
      <p className="text-xs">Embeddable views: /embed/overview, /embed/datastore/&lt;name&gt; and /embed/tasks.</p>
    </div>
  );
}
