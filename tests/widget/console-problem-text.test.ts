import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from '../../contract/index.js';
import { importMessage } from '../../widget/src/pacak-console/imports/import-text.js';
import { problemIn } from '../../widget/src/pacak-console/problem-text.js';

const problem = {
  type: `${PROBLEM_TYPE_BASE}validation`,
  title: 'Invalid request',
  status: 422,
  detail: 'The request has invalid fields.',
  errors: [
    { path: 'photo', message: 'must be a JPEG, PNG or WebP image', code: 'not_an_image' },
    { path: 'name', message: 'must be at most 200 characters', code: 'too_big' },
    { path: 'origin', message: 'must be the site only (scheme, host and port), without a path, e.g. https://x.go.id' },
    { path: 'other', message: 'something the console does not know', code: 'custom' },
  ],
};

describe('the console’s problem details in its language', () => {
  it('tells every problem type and the field errors it knows in Indonesian, and leaves the rest as the server wrote it', () => {
    const id = problemIn('id', problem);
    expect(id.detail).toBe('Ada isian yang tidak valid.');
    expect(id.errors?.map((error) => error.message)).toEqual([
      'harus gambar JPEG, PNG atau WebP',
      'paling banyak 200 karakter',
      'cukup alamat situsnya (skema, host dan port) tanpa jalur, misalnya https://bkkpalembang.go.id',
      'something the console does not know',
    ]);
    for (const slug of PROBLEM_TYPES) {
      const detail = problemIn('id', { type: `${PROBLEM_TYPE_BASE}${slug}`, status: 400, detail: 'English' }).detail;
      expect(detail, slug).not.toBe('English');
    }
    expect(problemIn('id', { type: 'about:blank', status: 500, detail: 'Internal' }).detail).toBe('Internal');
  });

  it('keeps the server’s English on English pages', () => {
    expect(problemIn('en', problem)).toEqual(problem);
  });

  it('tells the imports’ refused rows in Indonesian, with their numbers, and leaves them as written on English pages', () => {
    const message = 'do not add up: hadir 20 + cuti 1 + tanpa keterangan 1 is not 23';
    expect(importMessage('id', message)).toBe('tidak cocok: hadir 20 + cuti 1 + tanpa keterangan 1 tidak sama dengan 23');
    expect(importMessage('id', 'repeats line 4 for the same employee and period')).toBe(
      'mengulang baris 4 (pegawai dan periode yang sama)',
    );
    expect(importMessage('id', 'has no Hari kerja column')).toBe('tidak memiliki kolom Hari kerja');
    expect(importMessage('id', '"atlantis" is not a work area of this office (give its code or its name)')).toBe(
      '"atlantis" bukan wilayah kerja kantor ini (tulis kode atau namanya)',
    );
    expect(importMessage('id', 'is empty')).toBe('kosong');
    expect(importMessage('en', message)).toBe(message);
  });
});
