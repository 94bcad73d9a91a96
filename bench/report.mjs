// The Markdown table printed by npm run bench and pasted into docs/benchmarks.md.

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(v)) : String(v ?? ''));
const cell = (s) => String(s).replaceAll('|', '\\|');

export function markdownTable(results) {
  const lines = ['| measure | value | unit | min | max | runs | floor |', '|---|---:|---|---:|---:|---:|---:|'];
  for (const r of results) {
    lines.push(
      `| ${cell(r.name)} | ${fmt(r.value)} | ${r.unit} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.runs} | ${r.floor === undefined ? '' : fmt(r.floor)} |`,
    );
  }
  return lines.join('\n');
}
