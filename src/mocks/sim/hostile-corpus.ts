// The hostile corpus: text an attacker (or a broken machine) could get into each free-text field the console shows.
// Every active payload tries to report back, by setting `window.__pwned` to its id or by loading `/__pwned?<id>`,
// so a browser test sees at once whether anything ran. `shown` is what a reader sees where the console shows the
// payload as text (for notes, which are Markdown: once rendered and sanitized); a test looks for it on screen.
// POST /__sim/hostile (hostile-plant.ts) writes the corpus where PBS and Proxmox VE keep each field.

export const HOSTILE_FIELDS = [
  'datastore-comment',
  'namespace-comment',
  'group-comment',
  'group-notes',
  'snapshot-comment',
  'snapshot-notes',
  'owner',
  'worker-id',
  'task-log',
  'file-name',
  'job-comment',
  'pve-guest-name',
  'pve-storage-name',
] as const;
export type HostileField = (typeof HOSTILE_FIELDS)[number];

export interface HostilePayload {
  id: string;
  field: HostileField;
  text: string;
  /** a part of the text as the console must show it: markup as characters, Markdown as its sanitized words */
  shown: string;
  /** file names: planted as a directory (holding one plain file) rather than as a file */
  entry?: 'directory';
}

/** JavaScript that reports `id` back. */
const js = (id: string) => `window.__pwned='${id}'`;
/** A same-origin URL whose loading reports `id` back. */
const url = (id: string) => `/__pwned?${id}`;

type Draft = [id: string, text: string, shown?: string, entry?: 'directory'];

const ESC = '\u001b';
const RLO = '\u202e';
const ZWSP = '\u200b';

const drafts: Record<HostileField, Draft[]> = {
  'datastore-comment': [
    ['ds-script', `<script>${js('ds-script')}</script>`],
    ['ds-img', `<img src=x onerror="${js('ds-img')}">`],
    // the comment is also the navigation link's title attribute
    ['ds-attr', `" onmouseover="${js('ds-attr')}" x="'><img src=${url('ds-attr')}>`],
  ],
  'namespace-comment': [
    ['ns-script', `<script>fetch('${url('ns-script')}')</script>`],
    ['ns-img', `<img src="${url('ns-img')}">`],
    ['ns-template', `{{constructor.constructor("${js('ns-template')}")()}}`],
  ],
  'group-comment': [
    ['gc-svg', `<svg onload="${js('gc-svg')}"></svg>`],
    ['gc-iframe', `<iframe srcdoc="<script>parent.__pwned='gc-iframe'</script>"></iframe>`],
    ['gc-template', `\${${js('gc-template')}} {{${js('gc-template')}}} {${js('gc-template')}}`],
    [
      'gc-entities',
      `&lt;img src=x onerror=${js('gc-entities')}&gt; &#60;script&#62;${js('gc-entities')}&#60;/script&#62;`,
    ],
    ['gc-rtl', `${RLO}gnp.<img src=x onerror="${js('gc-rtl')}">exe`],
    ['gc-long', `hx gc-long ${'A'.repeat(100_000)}<img src=x onerror="${js('gc-long')}">`, `hx gc-long AAAAAAAAAA`],
  ],
  'group-notes': [
    ['gn-jslink', `[hx gn-jslink](javascript:${js('gn-jslink')})`, 'hx gn-jslink'],
    ['gn-img', `hx gn-img ![pwned](${url('gn-img')})`, 'hx gn-img'],
    ['gn-html', `<img src=x onerror="${js('gn-html')}">hx gn-html`, 'hx gn-html'],
    [
      'gn-data',
      '[hx gn-data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZ24tZGF0YSc8L3NjcmlwdD4=)',
      'hx gn-data',
    ],
    [
      'gn-form',
      `<form action="${url('gn-form')}"><button formaction="${url('gn-form')}">hx gn-form</button></form>`,
      'hx gn-form',
    ],
    ['gn-meta', `<meta http-equiv="refresh" content="0;url=${url('gn-meta')}">hx gn-meta`, 'hx gn-meta'],
    ['gn-base', `<base href="${url('gn-base')}/"><link rel="import" href="${url('gn-base')}">hx gn-base`, 'hx gn-base'],
    [
      'gn-css',
      `<p style="background:url(${url('gn-css')});width:expression(${js('gn-css')})">hx gn-css</p>`,
      'hx gn-css',
    ],
  ],
  'snapshot-comment': [
    ['sc-script', `<script src="${url('sc-script')}"></script>`],
    ['sc-jsurl', `javascript:${js('sc-jsurl')}`],
    ['sc-zw', `hx${ZWSP}sc-zw<img${ZWSP} src=x onerror="${js('sc-zw')}">`],
    ['sc-css', `<div style="background:url('${url('sc-css')}')">hx sc-css</div>`],
    // a bell and a colour escape: shown as their pictures, so the markup after them is what is looked for
    [
      'sc-control',
      `hx sc-control\u0007${ESC}[31m<img src=x onerror="${js('sc-control')}">`,
      `<img src=x onerror="${js('sc-control')}">`,
    ],
  ],
  'snapshot-notes': [
    ['sn-autolink', `<javascript:${js('sn-autolink')}>`, `javascript:${js('sn-autolink')}`],
    ['sn-ref', `[hx sn-ref][evil]\n\n[evil]: javascript:${js('sn-ref')}`, 'hx sn-ref'],
    ['sn-entity', `[hx sn-entity](jav&#x61;script:${js('sn-entity')})`, 'hx sn-entity'],
    [
      'sn-details',
      `<details open ontoggle="${js('sn-details')}"><summary>hx sn-details</summary></details>`,
      'hx sn-details',
    ],
    [
      'sn-srcdoc',
      `<iframe srcdoc="<img src=x onerror=parent.__pwned='sn-srcdoc'>"></iframe>hx sn-srcdoc`,
      'hx sn-srcdoc',
    ],
    [
      'sn-svgdata',
      'hx sn-svgdata ![x](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0icGFyZW50Ll9fcHduZWQ9J3NuLXN2Z2RhdGEnIi8+)',
      'hx sn-svgdata',
    ],
    // a code block shows its markup as characters
    ['sn-code', `\`\`\`html\n<script>${js('sn-code')}</script>\n\`\`\``, `<script>${js('sn-code')}</script>`],
  ],
  owner: [
    ['ow-img', `root@pam!<img src=x onerror="${js('ow-img')}">`],
    ['ow-script', `<script>${js('ow-script')}</script>@pbs`],
    // the owner is also the cell's title attribute
    ['ow-attr', `"><svg/onload=${js('ow-attr')}>`],
    ['ow-rtl', `admin${RLO}@evil<img src=${url('ow-rtl')}>`],
    ['ow-template', `{{constructor.constructor("${js('ow-template')}")()}}@pam`],
  ],
  'worker-id': [
    ['wi-script', `<script>${js('wi-script')}</script>`],
    ['wi-img', `<img src=${url('wi-img')}>`],
    ['wi-quote', `'-alert(${js('wi-quote')})-'`],
    ['wi-jsurl', `javascript:${js('wi-jsurl')}`],
    ['wi-long', `hx wi-long ${'B'.repeat(5_000)}<svg onload=${js('wi-long')}>`, 'hx wi-long BBBBBBBBBB'],
  ],
  'task-log': [
    [
      'tl-ansi',
      `${ESC}[31mERROR${ESC}[0m hx tl-ansi <img src=x onerror="${js('tl-ansi')}">`,
      `hx tl-ansi <img src=x onerror="${js('tl-ansi')}">`,
    ],
    // an OSC 8 terminal hyperlink
    ['tl-osc', `${ESC}]8;;javascript:${js('tl-osc')}${ESC}\\hx tl-osc${ESC}]8;;${ESC}\\`, 'hx tl-osc'],
    ['tl-script', `<script>${js('tl-script')}</script>`],
    ['tl-upid', `UPID:pbs:<img src=x onerror=${js('tl-upid')}>:`],
    ['tl-url', `see https://example.com/"><img src=${url('tl-url')}>`],
    ['tl-cr', `progress 10%\rhx tl-cr <svg onload=${js('tl-cr')}>`, `hx tl-cr <svg onload=${js('tl-cr')}>`],
    ['tl-long', `hx tl-long ${'C'.repeat(20_000)}<img src=${url('tl-long')}>`, 'hx tl-long CCCCCCCCCC'],
  ],
  // no '/' (a path separator) and no NUL: everything else is a valid Linux file name
  'file-name': [
    ['fn-dir', `"><svg onload=${js('fn-dir')}>`, undefined, 'directory'],
    ['fn-script', `<script src="data:,${js('fn-script')}">.txt`],
    ['fn-img', `<img src=x onerror="${js('fn-img')}">.png`],
    ['fn-traversal', `..\\..\\..\\__pwned?fn-traversal`],
    ['fn-slash', `..\u2215..\u2215etc\u2215passwd<img src=x onerror=${js('fn-slash')}>`],
    [
      'fn-newline',
      `hx fn-newline\n<img src=x onerror=${js('fn-newline')}>.log`,
      `<img src=x onerror=${js('fn-newline')}>.log`,
    ],
    ['fn-rtl', `${RLO}<img src=x onerror=${js('fn-rtl')}>gpj.exe`],
  ],
  'job-comment': [
    ['jc-img', `<img src=x onerror="${js('jc-img')}">`],
    ['jc-link', `<a href="javascript:${js('jc-link')}">hx jc-link</a>`],
    ['jc-angular', `{{$on.constructor("${js('jc-angular')}")()}}`],
    ['jc-iframe', `"><iframe src="${url('jc-iframe')}"></iframe>`],
    ['jc-object', `<object data="${url('jc-object')}"></object><embed src="${url('jc-object')}">`],
  ],
  'pve-guest-name': [
    ['pg-script', `<script>${js('pg-script')}</script>`],
    ['pg-img', `web<img src=x onerror=${js('pg-img')}>`],
    ['pg-attr', `'"><svg onload=${js('pg-attr')}>`],
    ['pg-rtl', `${RLO}exe.<img src=${url('pg-rtl')}>`],
    ['pg-template', `\${${js('pg-template')}}{{${js('pg-template')}}}`],
  ],
  'pve-storage-name': [
    ['ps-script', `<script>${js('ps-script')}</script>`],
    ['ps-img', `local"><img src=x onerror="${js('ps-img')}">`],
    // shown inside an <option>: an attempt to close the select
    ['ps-option', `</option></select><img src=${url('ps-option')}>`],
    ['ps-zw', `local${ZWSP}-lvm<svg onload=${js('ps-zw')}>`],
    ['ps-long', `hx ps-long ${'D'.repeat(2_000)}<img src=${url('ps-long')}>`, 'hx ps-long DDDDDDDDDD'],
  ],
};

export const HOSTILE_CORPUS: readonly HostilePayload[] = HOSTILE_FIELDS.flatMap((field) =>
  drafts[field].map(([id, text, shown, entry]) => ({
    id,
    field,
    text,
    shown: shown ?? text,
    ...(entry ? { entry } : {}),
  })),
);

export const payloadsOf = (field: HostileField) => HOSTILE_CORPUS.filter((p) => p.field === field);
