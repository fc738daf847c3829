import { describe, expect, it } from 'vitest';
import { canonicalName, canonicalStaffId, uncanonicalReason } from '../../server/domain/canonical.js';

describe('canonical names', () => {
  it('folds case, width and compatibility forms into one name', () => {
    for (const name of ['admin', 'ADMIN', 'ａｄｍｉｎ', ' Admin ', 'ＡＤＭＩＮ']) expect(canonicalName(name)).toBe('admin');
  });

  it('keeps accented and dotted look-alikes apart from the plain name', () => {
    for (const name of ['ádmin', 'àdmin', 'admín', 'ADMİN']) expect(canonicalName(name)).not.toBe('admin');
    expect(canonicalName('ÁDMIN')).toBe(canonicalName('ádmin'));
  });

  it('writes every script’s digits as ASCII digits and staff codes in capitals', () => {
    expect(canonicalStaffId('１９９２０３１５２０１９０３２００１')).toBe('199203152019032001');
    expect(canonicalStaffId('١٩٩٢٠٣١٥٢٠١٩٠٣٢٠٠١')).toBe('199203152019032001');
    expect(canonicalStaffId('१९९२०३१५ २०१९०३ २ ००१')).toBe('199203152019032001');
    expect(canonicalStaffId('19920315 201903 2 001')).toBe('199203152019032001');
    expect(canonicalStaffId('os-plg-0007')).toBe('OS-PLG-0007');
    expect(canonicalStaffId('ｏｓ－ｐｌｇ－０００７')).toBe('OS-PLG-0007');
  });

  it('has no form for control characters or broken characters', () => {
    expect(uncanonicalReason('admin\u0000')).toMatch(/control/);
    expect(uncanonicalReason('admin\u0085')).toMatch(/control/);
    expect(uncanonicalReason('admin\ud800')).toMatch(/surrogate/);
    expect(() => canonicalName('a\u0007')).toThrow(RangeError);
    expect(uncanonicalReason('admin')).toBeNull();
  });
});
