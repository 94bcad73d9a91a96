// The least a React page can do for the tree's first rows: React and React DOM alone, the groups list
// fetched before the first render, its first rows drawn as plain treegrid rows. The console pays for
// this and for everything it adds; the bench sets the two side by side.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const store = new URLSearchParams(location.search).get('store') ?? 'store1';
const groups = fetch(`/api2/json/admin/datastore/${encodeURIComponent(store)}/groups`, {
  credentials: 'same-origin',
}).then((r) => r.json());

function Rows() {
  const [list, setList] = useState(null);
  useEffect(() => {
    groups.then((body) => setList(body.data));
  }, []);
  if (!list) return <p>Loading…</p>;
  return (
    <div role="treegrid" aria-label={`Content of ${store}`}>
      {list.slice(0, 30).map((g) => (
        <div role="row" aria-level={1} key={`${g['backup-type']}/${g['backup-id']}`}>
          <span role="gridcell">{`${g['backup-type']}/${g['backup-id']}`}</span>
          <span role="gridcell">{g.comment ?? ''}</span>
          <span role="gridcell">{g['backup-count']}</span>
          <span role="gridcell">{new Date(g['last-backup'] * 1000).toISOString()}</span>
        </div>
      ))}
    </div>
  );
}

createRoot(document.getElementById('root')).render(<Rows />);
