// /deck/config as the simulator answers it: what this deck offers. The deck server answers it itself when it
// proxies a real PBS.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { DEMO_PASSWORD, DEMO_TOKEN_ID, DEMO_TOTP_SECRET } from '../sim/auth/demo-users';
import { simPveDeckConfig, type PveDeckConfig } from '../pve/pve-deck-config';

export const DECK_VERSION = '0.1.0';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  /** base32 TOTP secret, for the user that needs a second factor */
  totpSecret?: string;
}

export interface SimDeckConfig {
  backend: 'simulator';
  demoLogins: DemoLogin[];
  /** the embed entry's read-only token is held by the deck (or the demo worker), never sent to the browser */
  embed: {
    enabled: boolean;
    tokenId: string;
    /** exact origins the embed page exchanges messages with */ messageOrigins?: string[];
  } | null;
  /**
   * guest restore through /pve-api/: the node that runs restores, the PVE storages of type pbs, and whether PVE
   * calls run as the user's own PVE login ('user') or the deck's token ('token')
   */
  pve: (PveDeckConfig & { mode: 'user' | 'token' }) | null;
  pbs: null;
  version: string;
}

export function simDeckConfig(): SimDeckConfig {
  return {
    backend: 'simulator',
    demoLogins: [
      { username: 'root@pam', password: DEMO_PASSWORD, role: 'Admin' },
      { username: 'audit@pbs', password: DEMO_PASSWORD, role: 'Audit' },
      {
        username: 'totp@pbs',
        password: DEMO_PASSWORD,
        role: 'Admin on /datastore, TOTP',
        totpSecret: DEMO_TOTP_SECRET,
      },
    ],
    embed: { enabled: true, tokenId: DEMO_TOKEN_ID },
    pve: { ...simPveDeckConfig(), mode: 'user' },
    pbs: null,
    version: DECK_VERSION,
  };
}

export function deckConfigHandler(override?: Partial<SimDeckConfig>): HttpHandler {
  return http.get('/deck/config', () => HttpResponse.json({ ...simDeckConfig(), ...override }));
}
