import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormAnswer } from '../../contract/index.js';
import { Employee, PublicCode, Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { widgetDistDir } from '../../server/paths.js';
import { HOSTED_PAGE_CSP } from '../../server/routes/hosted-pages.js';
import { rewriteEntry } from '../../server/routes/hosted-widget.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const built = existsSync(join(widgetDistDir, 'pacak-rating.js')) && existsSync(join(widgetDistDir, 'pacak-pages.js'));

describe('the widget entry as the hosted page carries it inline', () => {
  const entry =
    'const a=1;class P{};function c(){return import("./pacak-rating-after-send.js")}const e=()=>import(\'./pacak-rating-i18n-en.js\');' +
    'customElements.define("x-y",P);export{a as A,P as PacakRating,c as b};';

  it('points its lazy chunks at the hosted folder and hands its exports to their stand-in', () => {
    const rewritten = rewriteEntry(entry, '/widget/hosted/v1/')!;
    expect(rewritten.inline).toContain('import("/widget/hosted/v1/pacak-rating-after-send.js")');
    expect(rewritten.inline).toContain("import('/widget/hosted/v1/pacak-rating-i18n-en.js')");
    expect(rewritten.inline).not.toMatch(/\bexport\b/);
    expect(rewritten.inline).toMatch(/globalThis\[Symbol\.for\("pacak-rating\.hosted"\)\]=\{A:a,PacakRating:P,b:c\};$/);
    expect(rewritten.standIn).toBe('const m=globalThis[Symbol.for("pacak-rating.hosted")];export const{A,PacakRating,b}=m;\n');
  });

  it('refuses a build of a shape it does not know, so the page loads the script as a file', () => {
    for (const odd of [
      `${entry}//</script>`,
      `const s="<!--";${entry}`,
      `import{x}from"./shared.js";${entry}`,
      `import"./side-effect.js";${entry}`,
      `export const early=1;${entry}`,
      entry.replace('export{', 'export{a as default,'),
    ])
      expect(rewriteEntry(odd, '/widget/hosted/v1/'), odd.slice(0, 40)).toBeNull();
    expect(rewriteEntry('customElements.define("x-y",class extends HTMLElement{});', '/b/')).toEqual({
      inline: 'customElements.define("x-y",class extends HTMLElement{});',
      standIn: 'const m=globalThis[Symbol.for("pacak-rating.hosted")];export const{}=m;\n',
    });
  });
});

describe.skipIf(!built)('the hosted page /r/<code> with the widget and its form inline', () => {
  let server: TestServer;
  let code: string;
  let address = 1;
  const from = () => ({ 'x-forwarded-for': `198.19.0.${address++}` });

  beforeAll(async () => {
    // Three employee lookups per address: the hosted page counts as one, as the widget's request did.
    server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS: '3', RATE_LIMIT_RATINGS: '1', MIN_FORM_SECONDS: '0' });
    const employee = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!;
    code = (await PublicCode.findOne({ where: { employeeId: employee.id, replacedAt: null } }))!.code;
  });
  afterAll(() => server?.close());

  const inlineScripts = (page: string) =>
    [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, text]) => ({ attributes: attributes!, text: text! }));
  const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  it('allows exactly its inline scripts by their hashes, under an otherwise unchanged strict policy', async () => {
    const response = await fetch(`${server.url}/r/${code}`, { headers: from() });
    expect(response.status).toBe(200);
    const page = await response.text();
    const csp = response.headers.get('content-security-policy')!;
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!.split(' ');
    expect(csp).toBe(HOSTED_PAGE_CSP.replace("script-src 'self'", scriptSrc.join(' ').replace(/^/, 'script-src ')));
    const scripts = inlineScripts(page);
    const executable = scripts.filter((s) => !/type="application\/json"/.test(s.attributes));
    expect(executable.map((s) => s.attributes)).toEqual([' type="module"', ' type="module"']);
    expect([...scriptSrc].sort()).toEqual(["'self'", ...executable.map((s) => hashOf(s.text))].sort());
    expect(page).not.toMatch(/<script[^>]*\bsrc=/);
    expect(page).not.toContain('rel="preload"');
    // The entry's lazy chunks come from the hosted folder of this very build.
    const version = /import\("\/widget\/hosted\/([\w-]+)\/pacak-rating-after-send\.js"\)/.exec(
      executable.map((s) => s.text).join('\n'),
    )?.[1];
    expect(version).toBeTruthy();
    expect(executable[1]!.text).not.toMatch(/import\("\.\//);
    expect(executable[0]!.text).toBe(readFileSync(join(widgetDistDir, 'pacak-pages.js'), 'utf8'));
  });

  it('carries a fresh form answer by code, kept by no cache, whose token rates this employee', async () => {
    const headers = from();
    const response = await fetch(`${server.url}/r/${code}`, { headers });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    const page = await response.text();
    const [data] = inlineScripts(page).filter((s) => s.attributes.includes('application/json'));
    expect(data!.attributes).toBe(` type="application/json" data-pacak-form="/api/v1/employees/by-code/${code}/form"`);
    expect(data!.text).not.toContain('<');
    const answer = JSON.parse(data!.text) as FormAnswer;
    expect(answer.employee).toMatchObject({ code, name: expect.any(String) });
    expect(answer.employee).not.toHaveProperty('nip');
    expect(page).not.toContain(DEMO_NIP);
    expect(answer.sending).toEqual({ origin: null, allowed: true });
    expect(answer.serviceTypes.length).toBeGreaterThan(1);
    expect(answer.indicators).toHaveLength(5);
    // Each page its own token, bound to the code as the API's is: a rating by code carries it.
    const again = JSON.parse(
      inlineScripts(await (await fetch(`${server.url}/r/${code}`, { headers: from() })).text())[0]!.text,
    ) as FormAnswer;
    expect(again.formToken!.token).not.toBe(answer.formToken!.token);
    const { nip: _nip, ...body } = ratingBody({ formToken: answer.formToken!.token });
    const rated = await postJson<{ id: number }>(`${server.url}/api/v1/ratings`, { ...body, code }, headers);
    expect(rated.status).toBe(201);
    const employee = (await Employee.findOne({ where: { nip: DEMO_NIP } }))!;
    expect((await Rating.findByPk(rated.body.id))!.employeeId).toBe(employee.id);
  });

  it('counts as an employee lookup: past the limit the page loads the script and asks for the form as before', async () => {
    const headers = from();
    const pages: string[] = [];
    for (let i = 0; i < 3; i++) pages.push(await (await fetch(`${server.url}/r/${code}`, { headers })).text());
    expect(pages.every((page) => page.includes('data-pacak-form'))).toBe(true);
    const limited = await fetch(`${server.url}/r/${code}`, { headers });
    const page = await limited.text();
    expect(limited.status).toBe(200);
    expect(page).not.toContain('data-pacak-form');
    expect(page).toContain('<script type="module" src="/widget/pacak-rating.js"></script>');
    expect(page).toContain(`<link rel="preload" href="/api/v1/employees/by-code/${code}/form" as="fetch" crossorigin>`);
    expect(limited.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const asked = await fetch(`${server.url}/api/v1/employees/by-code/${code}/form`, { headers });
    expect(asked.status).toBe(429);
  });

  it('serves the chunks as built, and the stand-in that passes the inline entry its exports, under the build version', async () => {
    const page = await (await fetch(`${server.url}/r/${code}`, { headers: from() })).text();
    // The pages script comes first (it answers the widget's request for its form from the page), then the widget.
    const entry = inlineScripts(page)[2]!.text;
    const base = /import\("(\/widget\/hosted\/[\w-]+\/)pacak-rating-after-send\.js"\)/.exec(entry)![1]!;
    const chunk = await fetch(`${server.url}${base}pacak-rating-after-send.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(chunk.headers.get('cache-control')).toContain('immutable');
    expect(await chunk.text()).toBe(readFileSync(join(widgetDistDir, 'pacak-rating-after-send.js'), 'utf8'));
    const standIn = await (await fetch(`${server.url}${base}pacak-rating.js`)).text();
    const names = /export const\{([^}]*)\}=m;/.exec(standIn)![1]!.split(',');
    const handed = /\]=\{([^}]*)\};$/
      .exec(entry)![1]!
      .split(',')
      .map((pair) => pair.split(':')[0]);
    expect(names).toEqual(handed);
    expect(names).toContain('PacakRating');
    expect((await fetch(`${server.url}/widget/hosted/old-build/pacak-rating-after-send.js`)).status).toBe(404);
    expect((await fetch(`${server.url}${base}pacak-console.js`)).status).toBe(404);
  });
});

describe('answers that share a slow line with the widget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('the embed demo goes out compressed once, revalidated by its ETag', async () => {
    const first = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(await first.text()).toContain('<pacak-rating nip="199203152019032001"></pacak-rating>');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('the form answer goes out compressed, and still unstored by any cache', async () => {
    const response = await fetch(`${server.url}/api/v1/employees/${DEMO_NIP}/form`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as FormAnswer).employee).toMatchObject({ nip: DEMO_NIP });
  });
});
