export interface ConnectionTarget {
  host: string;
  port: number;
  store: string;
  user: string;
  fingerprint?: string;
}

/** IPv6 literals need brackets wherever a port or store follows. */
function hostPart(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `host[:port]:store`; PBS clients assume port 8007, so it is only written when different. */
export function repository({ host, port, store }: ConnectionTarget): string {
  return `${hostPart(host)}${port === 8007 ? '' : `:${port}`}:${store}`;
}

export function repositoryWithUser(target: ConnectionTarget): string {
  return `${target.user}@${repository(target)}`;
}

/** Proxmox VE's storage command; the storage id defaults to the datastore name. */
export function pvesmCommand(target: ConnectionTarget): string {
  const parts = [
    'pvesm add pbs',
    target.store,
    '--server',
    target.host,
    '--datastore',
    target.store,
    '--username',
    target.user,
  ];
  if (target.port !== 8007) parts.push('--port', String(target.port));
  if (target.fingerprint) parts.push('--fingerprint', target.fingerprint);
  return parts.join(' ');
}
