// The simulated Proxmox VE's realms, users, API tokens, ACL and pools. Everything is public demo data; the README
// repeats the users.
//
//   root@pam / demo          superuser (PVE gives root@pam every privilege)
//   pve-admin@pve / demo     PVEVMAdmin on /
//   pve-restore@pve / demo   PVEVMAdmin on /pool/lab; PVEDatastoreUser on /storage/pbs-store1 and /storage/local-lvm
//   pve-audit@pve / demo     PVEAuditor on /
//   pve-totp@pve / demo      PVEVMAdmin on /, PVEDatastoreUser on /storage (so it can restore), TOTP JBSWY3DPEHPK3PXP
//                            (SHA-1, 30 s, 6 digits) and the recovery keys below (single use)
//   pve-key@pve / demo       PVEVMAdmin on /, a WebAuthn key as its only second factor
//   deck@pve!restore         API token (privilege separated) with the least the deck's token mode needs: PVEVMAdmin
//                            on /vms and PVEDatastoreUser on /storage, given to the token and to its user
//   root@pam!deck            API token without privilege separation (all of root@pam's rights), for tests that
//                            ask the simulated PVE directly
import type { PveAclEntry } from './pve-acl';

export const PVE_DEMO_PASSWORD = 'demo';
export const PVE_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const PVE_RECOVERY_KEYS = [
  '7c2e-41a9-d083-5bf6',
  'e915-0b7d-36ca-f248',
  '2a60-c9e4-8f13-7d05',
  'b4d8-5e21-a07c-93f1',
  '0f37-9ab2-e6d4-1c58',
  '93c1-f60e-4b8a-2d77',
  '5d08-27fc-b13e-a964',
  'c6a2-8d45-0e9b-f31d',
];
export const SIM_PVE_TOKEN_ID = 'deck@pve!restore';
export const SIM_PVE_TOKEN = `${SIM_PVE_TOKEN_ID}=5e1f0b7a-93c4-4d2e-8a61-0c7d2f49b3e8`;
export const SIM_PVE_ROOT_TOKEN_ID = 'root@pam!deck';
export const SIM_PVE_ROOT_TOKEN = `${SIM_PVE_ROOT_TOKEN_ID}=b71d4c09-2e8f-4a53-9c16-e0f84d3a6b21`;

export const PVE_REALMS = [
  { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication' },
  { realm: 'pve', type: 'pve', comment: 'Proxmox VE authentication server', default: 1 },
];

export interface PveTokenRecord {
  secret: string;
  privsep: boolean;
}

export interface PveUserRecord {
  userid: string;
  password: string;
  enable?: boolean;
  totp?: string;
  recovery?: string[];
  /** a registered WebAuthn credential id (base64url) */
  webauthn?: string;
  tokens?: Record<string, PveTokenRecord>;
}

const secretOf = (token: string) => token.slice(token.indexOf('=') + 1);

export function pveDemoUsers(): PveUserRecord[] {
  const pw = PVE_DEMO_PASSWORD;
  return [
    { userid: 'root@pam', password: pw, tokens: { deck: { secret: secretOf(SIM_PVE_ROOT_TOKEN), privsep: false } } },
    { userid: 'pve-admin@pve', password: pw },
    { userid: 'pve-restore@pve', password: pw },
    { userid: 'pve-audit@pve', password: pw },
    { userid: 'pve-totp@pve', password: pw, totp: PVE_TOTP_SECRET, recovery: PVE_RECOVERY_KEYS },
    { userid: 'pve-key@pve', password: pw, webauthn: 'c2ltLXB2ZS1rZXktMQ' },
    { userid: 'deck@pve', password: pw, tokens: { restore: { secret: secretOf(SIM_PVE_TOKEN), privsep: true } } },
  ];
}

/** What the deck's token needs in token mode: given to the user and to its privilege-separated token. */
export const SIM_PVE_TOKEN_ACL: readonly Omit<PveAclEntry, 'ugid'>[] = [
  { path: '/vms', role: 'PVEVMAdmin' },
  { path: '/storage', role: 'PVEDatastoreUser' },
];

export function pveDemoAcl(): PveAclEntry[] {
  return [
    { path: '/', ugid: 'pve-admin@pve', role: 'PVEVMAdmin' },
    { path: '/pool/lab', ugid: 'pve-restore@pve', role: 'PVEVMAdmin' },
    { path: '/storage/pbs-store1', ugid: 'pve-restore@pve', role: 'PVEDatastoreUser' },
    { path: '/storage/local-lvm', ugid: 'pve-restore@pve', role: 'PVEDatastoreUser' },
    { path: '/', ugid: 'pve-audit@pve', role: 'PVEAuditor' },
    { path: '/', ugid: 'pve-totp@pve', role: 'PVEVMAdmin' },
    { path: '/storage', ugid: 'pve-totp@pve', role: 'PVEDatastoreUser' },
    { path: '/', ugid: 'pve-key@pve', role: 'PVEVMAdmin' },
    ...SIM_PVE_TOKEN_ACL.flatMap((e) => [
      { ...e, ugid: 'deck@pve' },
      { ...e, ugid: SIM_PVE_TOKEN_ID },
    ]),
  ];
}
