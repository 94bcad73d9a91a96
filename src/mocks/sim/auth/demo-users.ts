// The simulator's users, tokens and ACL. Everything is public demo data; the README repeats it.
//
//   root@pam / demo            superuser (Admin on /, and root@pam holds every privilege anyway)
//   audit@pbs / demo           Audit on / (Sys.Audit + Datastore.Audit): sees everything, changes nothing
//   totp@pbs / demo            Admin on /datastore, second factor required:
//                              TOTP secret JBSWY3DPEHPK3PXP (base32, SHA-1, 30 s, 6 digits)
//                              recovery keys (single use, PBS's xxxx-xxxx-xxxx-xxxx form), index 0..9:
//                                3f1a-9c2e-7b40-d815  a62d-04f9-e1c3-5b7e  58e0-b3d1-2a9f-c647
//                                d94b-7e26-0c1f-a385  1c7f-e850-93ad-4b62  b205-6fd8-c4e1-7a39
//                                6e93-a1b4-f027-8d5c  02ad-5c3e-b8f6-1947  f7c8-2d09-6a5b-e3f1
//                                8b36-f4e7-1d92-05ca
//   audit@pbs!dashboard        API token, Audit on /; its secret is derived from the seed (tokenSecretFor):
//                              UUID form of HMAC-SHA256(key "pbs-deck-sim-token", "<seed>:audit@pbs!dashboard")
import { SHA256, hmac, toHex, utf8 } from './sha';
import type { AclEntry } from './acl';

export const DEMO_PASSWORD = 'demo';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const DEMO_RECOVERY_KEYS = [
  '3f1a-9c2e-7b40-d815',
  'a62d-04f9-e1c3-5b7e',
  '58e0-b3d1-2a9f-c647',
  'd94b-7e26-0c1f-a385',
  '1c7f-e850-93ad-4b62',
  'b205-6fd8-c4e1-7a39',
  '6e93-a1b4-f027-8d5c',
  '02ad-5c3e-b8f6-1947',
  'f7c8-2d09-6a5b-e3f1',
  '8b36-f4e7-1d92-05ca',
];
export const DEMO_TOKEN_ID = 'audit@pbs!dashboard';

/** A user as user.cfg keeps it: absent fields are absent there too (enabled, never expiring, no password). */
export interface UserRecord {
  userid: string;
  password?: string;
  enable?: boolean;
  /** epoch seconds, 0 = never */
  expire?: number;
  comment?: string;
  firstname?: string;
  lastname?: string;
  email?: string;
  totpSecret?: string;
  recoveryKeys?: string[];
}

export interface TokenRecord {
  tokenid: string;
  secret: string;
  enable?: boolean;
  expire?: number;
  comment?: string;
}

export function tokenSecretFor(seed: number, tokenid: string): string {
  return uuidShaped(toHex(hmac(SHA256, utf8('pbs-deck-sim-token'), utf8(`${seed}:${tokenid}`))));
}

/** 32+ hex digits shaped like the v4 UUID PBS generates for a token secret. */
export function uuidShaped(h: string): string {
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function demoUsers(): UserRecord[] {
  return [
    { userid: 'root@pam', password: DEMO_PASSWORD, enable: true, expire: 0, comment: 'Superuser' },
    { userid: 'audit@pbs', password: DEMO_PASSWORD, enable: true, expire: 0, comment: 'Read-only auditor' },
    {
      userid: 'totp@pbs',
      password: DEMO_PASSWORD,
      enable: true,
      expire: 0,
      comment: 'Datastore admin with TOTP',
      totpSecret: DEMO_TOTP_SECRET,
      recoveryKeys: DEMO_RECOVERY_KEYS,
    },
  ];
}

export function demoTokens(seed: number): TokenRecord[] {
  return [
    {
      tokenid: DEMO_TOKEN_ID,
      secret: tokenSecretFor(seed, DEMO_TOKEN_ID),
      enable: true,
      expire: 0,
      comment: 'Read-only dashboard and embed token',
    },
  ];
}

export function demoAcl(): AclEntry[] {
  return [
    { path: '/', ugid: 'root@pam', roleid: 'Admin', propagate: true },
    { path: '/', ugid: 'audit@pbs', roleid: 'Audit', propagate: true },
    { path: '/datastore', ugid: 'totp@pbs', roleid: 'Admin', propagate: true },
    { path: '/', ugid: DEMO_TOKEN_ID, roleid: 'Audit', propagate: true },
  ];
}
