// The WebAuthn part of a PVE TFA challenge (proxmox-tfa: webauthn-rs RequestChallengeResponse). The simulator can
// offer it but never verifies an answer: no browser authenticator reaches it.
import { base64NoPad } from '../sim/auth/base64';
import { SHA256, hmac, utf8 } from '../sim/auth/sha';
import type { PveUserRecord } from './pve-users';

const base64url = (bytes: Uint8Array) => base64NoPad(bytes).replaceAll('+', '-').replaceAll('/', '_');

export function webauthnChallenge(key: Uint8Array, user: PveUserRecord, now: number) {
  return {
    publicKey: {
      challenge: base64url(hmac(SHA256, key, utf8(`webauthn:${user.userid}:${now}`))),
      timeout: 60000,
      rpId: 'pve.sim.invalid',
      allowCredentials: [{ type: 'public-key', id: user.webauthn }],
      userVerification: 'preferred',
    },
  };
}
