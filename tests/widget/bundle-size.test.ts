import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the rollup configuration is plain JavaScript without types
import configs, { gzipBudget } from '../../rollup.config.mjs';

const LIMIT = 15 * 1024;
const BUNDLE = 'dist/widget/pacak-rating.js';

interface Plugin {
  name: string;
  generateBundle(this: { error(message: string): never }, options: object, bundle: object): void;
}

describe('the widget bundle size check', () => {
  it('keeps what a page loads to show the form within 15 KB gzip, with nothing fetched at run time', () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build:widget`).toBe(true);
    const code = readFileSync(BUNDLE);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(LIMIT);
    // No fonts, icons or styles from elsewhere: every byte the form needs is in this one file, but for the
    // English words, a chunk of the same server that only an English page fetches, and what only a sent
    // rating needs (the sending itself, its receipt and summary, the words for a failure), fetched at the
    // customer's first touch of the form.
    expect(code.toString()).not.toMatch(/@import|@font-face|url\(|https?:\/\//);
    const imports = [...code.toString().matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)|from\s*["']([^"']+)["']/g)].map(
      (m) => m[1] ?? m[2],
    );
    // And, for a form that lets the customer pick the employee (kiosk, office), the picker with the kiosk's
    // clocks; for a page whose site may not send, the notice with the hosted page's link.
    expect(imports.sort()).toEqual([
      './pacak-rating-after-send.js',
      './pacak-rating-employee-picker.js',
      './pacak-rating-i18n-en.js',
      './pacak-rating-not-allowed.js',
    ]);
    const gzipOf = (chunk: string) => gzipSync(readFileSync(`dist/widget/pacak-rating-${chunk}.js`), { level: 9 }).length;
    expect(gzipOf('employee-picker')).toBeLessThanOrEqual(3 * 1024);
    expect(gzipOf('after-send')).toBeLessThanOrEqual(6 * 1024);
    expect(gzipOf('i18n-en')).toBeLessThanOrEqual(2 * 1024);
    expect(gzipOf('not-allowed')).toBeLessThanOrEqual(1024);
  });

  it('keeps the dashboard in a bundle of its own, within 24 KB gzip, out of what the rating form loads', () => {
    const dashboard = 'dist/widget/pacak-dashboard.js';
    expect(existsSync(dashboard), `${dashboard} is missing: run npm run build:widget`).toBe(true);
    const code = readFileSync(dashboard);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(24 * 1024);
    // One file, nothing imported at run time (a match would print the whole bundle, hence the boolean).
    expect(/\bimport\s*\(|(^|[;}\n])\s*import\s*[\w{*"']/.test(code.toString())).toBe(false);
    expect(readFileSync(BUNDLE).toString().includes('pacak-dashboard')).toBe(false);
  });

  it('splits the console into an entry and a chunk per screen, each within 24 KB gzip, none in the rating form', () => {
    const entry = 'dist/widget/pacak-console.js';
    expect(existsSync(entry), `${entry} is missing: run npm run build:widget`).toBe(true);
    const chunks = readdirSync('dist/widget').filter((name) => /^console-[a-z0-9-]+\.js$/.test(name));
    const imported = [...readFileSync(entry, 'utf8').matchAll(/import\(["']\.\/(console-[a-z0-9-]+\.js)["']\)/g)].map((match) => match[1]);
    // Screens arrive when opened: the entry imports each one dynamically.
    expect(imported.length).toBeGreaterThanOrEqual(3);
    for (const name of imported) expect(chunks).toContain(name);
    for (const name of [entry, ...chunks.map((chunk) => `dist/widget/${chunk}`)]) {
      expect(gzipSync(readFileSync(name), { level: 9 }).length, name).toBeLessThanOrEqual(24 * 1024);
    }
    expect(readFileSync(BUNDLE).toString().includes('pacak-console')).toBe(false);
  });

  it('fails the build of every bundle that grows past the limit', () => {
    for (const config of configs as { plugins: { name: string }[] }[]) {
      expect(config.plugins.map((plugin) => plugin.name)).toContain('gzip-budget');
    }
    const plugin = gzipBudget(1024) as Plugin;
    const errors: string[] = [];
    const context = {
      error(message: string): never {
        errors.push(message);
        throw new Error(message);
      },
    };
    // Random text does not compress: 4 KB of it is well over a 1 KB budget.
    const noise = Array.from({ length: 4096 }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join('');
    expect(() => plugin.generateBundle.call(context, {}, { 'big.js': { type: 'chunk', fileName: 'big.js', code: noise } })).toThrow(
      /over budget, big\.js: \d+\.\d+ KB gzip \(limit 1 KB\)/,
    );
    expect(() =>
      plugin.generateBundle.call(context, {}, { 'small.js': { type: 'chunk', fileName: 'small.js', code: 'x'.repeat(4096) } }),
    ).not.toThrow();
    expect(errors).toHaveLength(1);
  });

  it('builds the same production widget whatever NODE_ENV the shell has', { timeout: 180_000 }, async () => {
    // The configuration read afresh in a process of its own, as `npm start` or `npm run build` would in that shell.
    const build = async (nodeEnv: string | undefined) => {
      const env = { ...process.env };
      if (nodeEnv === undefined) delete env.NODE_ENV;
      else env.NODE_ENV = nodeEnv;
      const { stdout } = await promisify(execFile)(process.execPath, ['tests/helpers/bundle-fingerprint.mjs'], { env });
      return JSON.parse(stdout.trim().split('\n').pop()!) as { gzip: number; sha256: string; devMode: boolean };
    };
    const production = await build(undefined);
    const development = await build('development');
    expect(production.devMode).toBe(false);
    expect(development).toEqual(production);
    expect(development.gzip).toBeLessThanOrEqual(LIMIT);
  });
});
