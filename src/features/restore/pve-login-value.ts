// What the Proxmox VE login form holds, and the user id it sends.

export interface PveLoginValue {
  username: string;
  /** null until the user picks one: PVE's default realm applies */
  realm: string | null;
  password: string;
}

export const EMPTY_PVE_LOGIN: PveLoginValue = { username: '', realm: null, password: '' };

/** The realm PVE's own login box preselects: the one marked default, else the first. */
export function pveDefaultRealm(list: readonly { realm: string; default?: boolean }[]): string {
  return list.find((d) => d.default)?.realm ?? list[0]?.realm ?? 'pam';
}

/** `user@realm`: a name typed with its realm keeps it, as PVE's own login does. */
export function pveUserid(username: string, realm: string): string {
  const name = username.trim();
  return name.includes('@') ? name : `${name}@${realm}`;
}
