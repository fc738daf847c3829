import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimatedBits } from './secret-entropy.js';

/** The least randomness a production secret may have by estimatedBits; 32 random hex characters reach about 90. */
export const MIN_ESTIMATED_BITS = 80;

/** Words that mark a value someone meant to replace: a template's, a tutorial's or a test's. */
const PLACEHOLDER =
  /change.?me|changeit|secret|passw(or)?d|example|placeholder|default|sample|dummy|qwerty|letmein|123456|abcdef|xxxxxx|test/i;

/**
 * Why a production secret is too weak to run with, or null when nothing obvious is wrong. It catches
 * what people paste when they have not made a secret yet: a placeholder word, one character or a short
 * unit repeated, few distinct characters, or too little entropy for its alphabet (32 hex characters,
 * 128 bits, is the least). It cannot prove a secret random; `openssl rand -hex 32` makes one.
 */
export function weakSecretReason(value: string): string | null {
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder (it contains a word such as "secret", "change-me" or "test")';
  if (/^(.{1,16}?)\1+$/s.test(value)) return 'is a short sequence repeated';
  const distinct = new Set(value).size;
  if (distinct < 10) return `uses only ${distinct} different characters`;
  if (value.length * Math.log2(distinct) < 128) return 'is too short for the characters it uses (make one with `openssl rand -hex 32`)';
  const bits = estimatedBits(value);
  if (bits < MIN_ESTIMATED_BITS) {
    return `has too little randomness (about ${Math.floor(bits)} bits estimated, at least ${MIN_ESTIMATED_BITS} needed: words, years, runs such as "abc" or keyboard walks such as "1qaz" are easy to guess); make one with \`openssl rand -hex 32\``;
  }
  return null;
}

/**
 * The development secrets a server generated under these data folders (`dev-secrets.json`): they
 * sit on disk in clear, beside the data, and must never become production's.
 */
export function developmentSecretValues(dataDirs: string[]): Set<string> {
  const values = new Set<string>();
  for (const dir of dataDirs) {
    const file = join(dir, 'dev-secrets.json');
    if (!existsSync(file)) continue;
    try {
      const secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const value of Object.values(secrets)) if (typeof value === 'string') values.add(value);
    } catch {
      // An unreadable file holds no secret we could compare with.
    }
  }
  return values;
}
