import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from '../../contract/index.js';
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
});
