// What counts as this machine, for http:// PBS targets and the simulator's control surface.

/** True for names and literal addresses that can only mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  return isLoopbackAddress(h);
}

/** Socket addresses: 127.0.0.0/8, ::1 and the IPv4-mapped form of 127/8. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
