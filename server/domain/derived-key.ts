import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * A 256-bit key derived from a configured secret by HKDF under a label of its own, so no key serves two
 * purposes. Imported once as a KeyObject: handing a raw key to every HMAC or cipher imports it each
 * time, which made an AES-GCM encryption of a phone number about 2.5 times as costly.
 */
export const derivedKey = (secret: string, label: string): KeyObject =>
  createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'pacak', label, 32)));
