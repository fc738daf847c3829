import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, makeUser, type TestUser } from '../helpers/admin.js';
import { announceMissing } from '../helpers/requirements.js';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';

const HARNESS = join(import.meta.dirname, 'harness.php');
const SERVER = 'https://pacak.example.go.id';
const NIP = '199203152019032001';
const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

const hasPhp = spawnSync('php', ['-v']).status === 0;
if (!hasPhp) announceMissing('WordPress plugin suite', 'install PHP (apt-get install php-cli)');

/** What the element holds when the server cannot be asked for the hosted page: the message alone. */
const FALLBACK_ID = '<p>Formulir penilaian tidak dapat dimuat.</p>';
const FALLBACK_EN = '<p>The rating form could not be loaded.</p>';

interface Run {
  results: string[];
  errors: string[];
  requests: string[];
  enqueued: { api: string; handle: string; src: string; ver: unknown; footer?: boolean }[];
  shortcodes: string[];
  blocks: string[];
}

type Call =
  | { shortcode: Record<string, unknown> }
  | { block: Record<string, unknown> }
  | { sanitize: string }
  | { tag: string[] }
  | { check: true }
  | { health: true };

interface Options {
  server?: string;
  modules?: boolean;
  canEdit?: boolean;
  home?: string;
  locale?: string;
}

const inputOf = (calls: Call[], options: Options) =>
  JSON.stringify({
    options: { pacak_rating_server: options.server ?? SERVER },
    modules: options.modules ?? true,
    canEdit: options.canEdit ?? false,
    home: options.home ?? 'https://wp.example.org',
    locale: options.locale ?? 'id_ID',
    calls,
  });

function wordpress(calls: Call[], options: Options = {}): Run {
  const run = spawnSync('php', [HARNESS], { input: inputOf(calls, options), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`php failed: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as Run;
}

/** The same, without blocking: PHP asks a PACAK server that runs in this very process. */
function wordpressAsync(calls: Call[], options: Options = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile('php', [HARNESS], { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`php failed: ${stderr}${stdout}`));
      else resolve(JSON.parse(stdout) as Run);
    });
    child.stdin!.end(inputOf(calls, options));
  });
}

const render = (atts: Record<string, unknown>, options = {}) => wordpress([{ shortcode: atts }], options).results[0];

describe.skipIf(!hasPhp)('the WordPress plugin', () => {
  it('registers the [pacak_rating] shortcode and the pacak/rating block', () => {
    const run = wordpress([]);
    expect(run.shortcodes).toEqual(['pacak_rating']);
    expect(run.blocks).toEqual(['pacak/rating']);
    expect(run.enqueued).toEqual([]);
  });

  it('renders the element for a NIP with lang and service, and loads the widget as a script module on WordPress 6.5+', () => {
    const run = wordpress([{ shortcode: { nip: NIP, lang: 'en', service: 'vaksinasi-internasional' } }]);
    expect(run.results[0]).toBe(`<pacak-rating nip="${NIP}" lang="en" service="vaksinasi-internasional">${FALLBACK_EN}</pacak-rating>`);
    expect(run.enqueued).toEqual([{ api: 'module', handle: 'pacak-rating', src: `${SERVER}/widget/pacak-rating.js`, ver: null }]);
  });

  it('on WordPress before 6.5 enqueues a footer script whose tag becomes type="module"', () => {
    const classic = `<script type='text/javascript' src='${SERVER}/widget/pacak-rating.js' id='pacak-rating-js'></script>\n`;
    const run = wordpress(
      [
        { shortcode: { nip: NIP } },
        { tag: [classic, 'pacak-rating', `${SERVER}/widget/pacak-rating.js`] },
        { tag: ['<script src="x.js"></script>', 'jquery', 'x.js'] },
      ],
      { modules: false },
    );
    expect(run.enqueued).toEqual([
      { api: 'script', handle: 'pacak-rating', src: `${SERVER}/widget/pacak-rating.js`, ver: null, footer: true },
    ]);
    expect(run.results[1]).toBe(`<script type="module" src="${SERVER}/widget/pacak-rating.js" id="pacak-rating-js"></script>\n`);
    // Other scripts are left alone.
    expect(run.results[2]).toBe('<script src="x.js"></script>');
  });

  it('drops attribute values that do not match their pattern and attributes it does not know', () => {
    const html = render({
      nip: NIP,
      lang: 'fr',
      service: 'cop" onmouseover="alert(1)',
      onload: 'alert(1)',
      style: 'display:none',
      api: 'https://evil.example',
      channel: 'kiosk',
    });
    expect(html).toBe(`<pacak-rating nip="${NIP}">${FALLBACK_ID}</pacak-rating>`);
  });

  it('never lets a hostile NIP out: visitors get nothing, editors a note, and nothing is loaded', () => {
    for (const nip of ['"><script>alert(1)</script>', "1' onfocus='x", 'javascript:alert(1)', '', ['an', 'array'], '1'.repeat(40)]) {
      const visitor = wordpress([{ shortcode: { nip } }]);
      expect(visitor.results[0]).toBe('');
      expect(visitor.enqueued).toEqual([]);
      const editor = wordpress([{ shortcode: { nip } }], { canEdit: true }).results[0]!;
      expect(editor).toContain('nip attribute is missing');
      expect(editor).not.toMatch(/<script|<pacak-rating|onfocus=/i);
    }
  });

  it('shows nothing until the server address is set, and tells editors where to set it', () => {
    expect(wordpress([{ shortcode: { nip: NIP } }], { server: '' })).toMatchObject({ results: [''], enqueued: [] });
    expect(render({ nip: NIP }, { server: '', canEdit: true })).toContain('Settings &gt; PACAK rating');
  });

  it('renders kiosk mode from a valid kiosk key, with its work area and reset time', () => {
    expect(render({ kiosk_key: KEY, work_area: 'boom-baru', reset_after: '10', nip: NIP })).toBe(
      `<pacak-rating kiosk work-area="boom-baru" kiosk-key="${KEY}" reset-after="10">${FALLBACK_ID}</pacak-rating>`,
    );
    expect(render({ kiosk_key: 'short', work_area: 'boom-baru' })).toBe('');
  });

  it('renders an office’s form from an office code, whose fallback links the office’s own rating page', () => {
    expect(render({ office: 'bkk-palembang' })).toBe(
      `<pacak-rating office="bkk-palembang"><p>Formulir penilaian tidak dapat dimuat. <a href="${SERVER}/o/bkk-palembang">Beri penilaian di halaman PACAK</a></p></pacak-rating>`,
    );
    expect(render({ office: 'bkk-palembang', lang: 'en' })).toBe(
      `<pacak-rating office="bkk-palembang" lang="en"><p>The rating form could not be loaded. <a href="${SERVER}/o/bkk-palembang?lang=en">Rate our service on the PACAK page</a></p></pacak-rating>`,
    );
    // Beside a NIP the office would be ignored by the widget: one employee's form, without it.
    expect(render({ office: 'bkk-palembang', nip: NIP })).toBe(`<pacak-rating nip="${NIP}">${FALLBACK_ID}</pacak-rating>`);
    // A hostile or malformed office code is dropped, and then nothing names whom to rate.
    for (const office of ['"><script>alert(1)</script>', 'BKK Palembang', '../admin', '-x']) {
      expect(wordpress([{ shortcode: { office } }])).toMatchObject({ results: [''], enqueued: [] });
    }
    expect(wordpress([{ block: { office: 'bkk-palembang' } }]).results[0]).toContain('<pacak-rating office="bkk-palembang">');
  });

  it('renders the block through the same allow-list as the shortcode', () => {
    const run = wordpress([
      { block: { nip: NIP, lang: 'id', service: 'cop', className: 'x" onclick="y' } },
      { block: { nip: '<img src=x onerror=alert(1)>' } },
      { block: { kioskKey: KEY, workArea: 'kantor-induk', resetAfter: '15' } },
      { block: { kioskKey: KEY, resetAfter: '0' } },
    ]);
    expect(run.results).toEqual([
      `<pacak-rating nip="${NIP}" lang="id" service="cop">${FALLBACK_ID}</pacak-rating>`,
      '',
      `<pacak-rating kiosk work-area="kantor-induk" kiosk-key="${KEY}" reset-after="15">${FALLBACK_ID}</pacak-rating>`,
      `<pacak-rating kiosk kiosk-key="${KEY}">${FALLBACK_ID}</pacak-rating>`,
    ]);
    // Everything the shortcode takes, the block offers.
    const block = JSON.parse(readFileSync('wordpress/pacak-rating/block/block.json', 'utf8'));
    expect(Object.keys(block.attributes).sort()).toEqual(['kioskKey', 'lang', 'nip', 'office', 'resetAfter', 'service', 'workArea']);
  });

  it('keeps only the origin of a good server address, and keeps the old one with a clear error for a bad one', () => {
    const good = wordpress([
      { sanitize: ' https://pacak.example.go.id/some/path/?q=1 ' },
      { sanitize: 'HTTPS://Pacak.Example.go.id:8443' },
      { sanitize: 'http://127.0.0.1:8080' },
      { sanitize: 'http://localhost:8080/' },
      { sanitize: '' },
    ]);
    expect(good.results).toEqual([
      'https://pacak.example.go.id',
      'https://pacak.example.go.id:8443',
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      '',
    ]);
    expect(good.errors).toEqual([]);

    const bad = [
      'javascript:alert(1)',
      'ftp://files.example.go.id',
      'not a url at all',
      'http://pacak.example.go.id',
      'pacak.example.go.id',
      'https://user:pw@pacak.example.go.id',
      'https://"><script>',
    ];
    const run = wordpress(bad.map((sanitize) => ({ sanitize })));
    expect(run.results).toEqual(bad.map(() => SERVER));
    expect(run.errors).toHaveLength(bad.length);
    for (const error of run.errors) expect(error).toContain(`The previous address ${SERVER} was kept.`);
    expect(run.errors[3]).toContain('https://');
    expect(run.errors[2]).toContain('spaces');
  });

  it('names no markup in the description the Plugins screen shows', () => {
    const header = readFileSync('wordpress/pacak-rating/pacak-rating.php', 'utf8');
    const description = /^ \* Description:\s*(.+)$/m.exec(header)?.[1] ?? '';
    expect(description).toMatch(/^Shows the PACAK rating form/);
    expect(description).not.toMatch(/[<>()]/);
  });
});

describe.skipIf(!hasPhp)('the WordPress plugin against a real PACAK server', () => {
  let server: TestServer;
  let admin: TestUser;
  let other: ReturnType<typeof createServer>;
  let otherUrl: string;
  const HOME = 'https://wp-site.example.org';
  beforeAll(async () => {
    server = await startTestServer();
    admin = await makeUser(server, 'admin');
    // Something at an address that is not a PACAK server.
    other = createServer((_, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
  }, 60_000);
  afterAll(async () => {
    other?.close();
    await server?.close();
  });

  it('puts the employee’s hosted rating page into the fallback content, asking the server once', async () => {
    const ratingUrl = (await (await fetch(`${server.url}/api/v1/employees/${NIP}`)).json()).ratingUrl as string;
    const run = await wordpressAsync([{ shortcode: { nip: NIP } }, { shortcode: { nip: NIP, lang: 'en' } }], { server: server.url });
    expect(run.results[0]).toBe(
      `<pacak-rating nip="${NIP}"><p>Formulir penilaian tidak dapat dimuat. <a href="${ratingUrl}">Beri penilaian di halaman PACAK</a></p></pacak-rating>`,
    );
    expect(run.results[1]).toContain(`<a href="${ratingUrl}">Rate our service on the PACAK page</a>`);
    expect(run.requests).toHaveLength(1);
  });

  it('checks the connection: version, whether it answers, whether this site is allowed, and says so in Site Health', async () => {
    const before = await wordpressAsync([{ check: true }, { health: true }], { server: server.url, home: `${HOME}/blog/` });
    const check = before.results[0] as unknown as Record<string, string>;
    expect(check).toMatchObject({ state: 'not-allowed', origin: HOME, office: expect.any(String) });
    expect(check.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(check.message).toContain('is not one of the sites allowed');
    expect(check.fix).toBe(`${server.url}/embed?site=${encodeURIComponent(HOME)}`);
    const health = before.results[1] as unknown as { registered: string[]; result: Record<string, unknown> };
    expect(health.registered).toEqual(['pacak_rating_connection']);
    expect(health.result).toMatchObject({ status: 'critical', test: 'pacak_rating_connection' });
    expect(health.result.actions).toContain('/embed?site=');

    expect((await adminApi(server, admin.token).post('/allowed-origins', { origin: HOME })).status).toBe(201);
    const after = await wordpressAsync([{ check: true }, { health: true }], { server: server.url, home: HOME });
    expect(after.results[0]).toMatchObject({ state: 'good' });
    expect((after.results[1] as unknown as { result: { status: string } }).result.status).toBe('good');
  });

  it('tells an unreachable server and an address that is no PACAK server apart', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await wordpressAsync([{ check: true }], { server: closed });
    expect(run.results[0]).toMatchObject({ state: 'unreachable' });
    const notPacak = await wordpressAsync([{ check: true }], { server: otherUrl });
    expect(notPacak.results[0]).toMatchObject({ state: 'not-pacak' });
    const unset = await wordpressAsync([{ check: true }, { health: true }], { server: '' });
    expect(unset.results[0]).toMatchObject({ state: 'unset' });
    expect((unset.results[1] as unknown as { result: { status: string } }).result.status).toBe('recommended');
  });
});

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
if (!hasUnzip) announceMissing('WordPress zip check', 'install unzip (apt-get install unzip)');

describe.skipIf(!hasUnzip)('npm run build:wordpress', () => {
  it('zips the plugin folder into a zip that unzip reads back byte for byte, the same every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacak-wp-'));
    try {
      const zip = join(dir, 'pacak-rating.zip');
      const build = () => spawnSync(process.execPath, ['scripts/build-wordpress.mjs', zip], { encoding: 'utf8' });
      expect(build().status).toBe(0);
      const first = readFileSync(zip);
      expect(spawnSync('unzip', ['-t', zip]).status).toBe(0);
      expect(spawnSync('unzip', ['-q', zip, '-d', dir]).status).toBe(0);
      for (const file of [
        'pacak-rating.php',
        'readme.txt',
        'block/block.json',
        'block/editor.js',
        'block/editor.asset.php',
        'uninstall.php',
        'includes/connection.php',
        'includes/fallback.php',
        'includes/settings.php',
      ]) {
        expect(readFileSync(join(dir, 'pacak-rating', file)).equals(readFileSync(join('wordpress/pacak-rating', file)))).toBe(true);
      }
      expect(build().status).toBe(0);
      expect(readFileSync(zip).equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
