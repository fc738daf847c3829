import { describe, expect, it } from 'vitest';
import { localDate } from '../../server/domain/local-date.js';
import { indonesianMobile, maskPhone, normalisePhone, parseMobile, PhoneVault } from '../../server/domain/phone.js';

describe('phone numbers', () => {
  it('normalises the usual Indonesian writings of a mobile number to E.164', () => {
    for (const input of [
      '081234567890',
      '0812-3456-7890',
      '0812 3456 7890',
      '0812.3456.7890',
      '6281234567890',
      '+6281234567890',
      '+62 812 3456 7890',
    ]) {
      expect(normalisePhone(input)).toBe('+6281234567890');
    }
  });

  it('refuses landlines, foreign and malformed numbers', () => {
    for (const input of ['0215551234', '+14155552671', '0812', 'x0812345678', '', '+62']) expect(normalisePhone(input)).toBeNull();
  });

  it('decides the usual 08… and +628… numbers as libphonenumber does, without its parser', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0), (seed >>> 16) % n);
    let decided = 0;
    for (let i = 0; i < 20_000; i++) {
      const rest = Array.from({ length: 6 + random(8) }, () => random(10)).join('');
      const digits = `${i % 2 ? '+62' : '0'}8${rest}`;
      const fast = indonesianMobile(digits);
      if (fast !== undefined) decided++;
      // Whatever the quick path accepts, the parser accepts the same way; the rest goes to the parser.
      if (fast !== undefined) expect(parseMobile(digits), digits).toBe(fast);
      else expect(normalisePhone(digits)).toBe(parseMobile(digits));
    }
    expect(decided).toBeGreaterThan(5_000);
  });

  it('masks all but the first and last four digits of the national form', () => {
    expect(maskPhone('+6281234567890')).toBe('0812****7890');
    expect(maskPhone('+628123456789')).toBe('0812***6789');
  });

  it('hashes with its key and decrypts what it encrypted, refusing a tampered copy', () => {
    const vault = new PhoneVault('k'.repeat(40));
    expect(vault.hash('+6281234567890')).toBe(vault.hash('+6281234567890'));
    expect(vault.hash('+6281234567890')).not.toBe(new PhoneVault('m'.repeat(40)).hash('+6281234567890'));
    const cipher = vault.encrypt('+6281234567890');
    expect(cipher).not.toContain('81234567890');
    expect(vault.decrypt(cipher)).toBe('+6281234567890');
    expect(vault.encrypt('+6281234567890')).not.toBe(cipher);
    const tampered = cipher.slice(0, -2) + (cipher.endsWith('A') ? 'BB' : 'AA');
    expect(() => vault.decrypt(tampered)).toThrow();
  });
});

describe('office-local days', () => {
  it('puts an instant on the calendar day of the office time zone, at midnight WIB', () => {
    expect(localDate(new Date('2026-03-31T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-03-31');
    expect(localDate(new Date('2026-03-31T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026-04-01');
    expect(localDate(new Date('2026-03-31T15:59:59.999Z'), 'Asia/Makassar')).toBe('2026-03-31');
    expect(localDate(new Date('2026-03-31T16:00:00.000Z'), 'Asia/Makassar')).toBe('2026-04-01');
    // The day last asked for is remembered with its span, and an instant outside it is not given it.
    expect(localDate(new Date('2026-03-31T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-03-31');
    expect(localDate(new Date('2026-04-01T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-04-01');
    expect(localDate(new Date('2026-03-30T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026-03-31');
    expect(localDate(new Date('2026-03-30T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-03-30');
  });
});
