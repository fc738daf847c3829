import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceMissing } from '../helpers/requirements.js';

const HARNESS = join(import.meta.dirname, 'harness.php');
const SERVER = 'https://pacak.example.go.id';
const NIP = '199203152019032001';
const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

const hasPhp = spawnSync('php', ['-v']).status === 0;
if (!hasPhp) announceMissing('WordPress plugin suite', 'install PHP (apt-get install php-cli)');

interface Run {
  results: string[];
  enqueued: { api: string; handle: string; src: string; ver: unknown; footer?: boolean }[];
  shortcodes: string[];
  blocks: string[];
}

type Call = { shortcode: Record<string, unknown> } | { block: Record<string, unknown> } | { sanitize: string } | { tag: string[] };

function wordpress(calls: Call[], options: { server?: string; modules?: boolean; canEdit?: boolean } = {}): Run {
  const input = {
    options: { pacak_rating_server: options.server ?? SERVER },
    modules: options.modules ?? true,
    canEdit: options.canEdit ?? false,
    calls,
  };
  const run = spawnSync('php', [HARNESS], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`php failed: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as Run;
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
    expect(run.results[0]).toBe(`<pacak-rating nip="${NIP}" lang="en" service="vaksinasi-internasional"></pacak-rating>`);
    expect(run.enqueued).toEqual([{ api: 'module', handle: 'pacak-rating', src: `${SERVER}/widget/pacak-rating.js`, ver: null }]);
  });

  it('on WordPress before 6.5 enqueues a footer script whose tag becomes type="module"', () => {
    const classic = `<script type='text/javascript' src='${SERVER}/widget/pacak-rating.js' id='pacak-rating-js'></script>\n`;
    const run = wordpress(
      [{ shortcode: { nip: NIP } }, { tag: [classic, 'pacak-rating', `${SERVER}/widget/pacak-rating.js`] }, { tag: ['<script src="x.js"></script>', 'jquery', 'x.js'] }],
      { modules: false },
    );
    expect(run.enqueued).toEqual([{ api: 'script', handle: 'pacak-rating', src: `${SERVER}/widget/pacak-rating.js`, ver: null, footer: true }]);
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
    expect(html).toBe(`<pacak-rating nip="${NIP}"></pacak-rating>`);
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
      `<pacak-rating kiosk work-area="boom-baru" kiosk-key="${KEY}" reset-after="10"></pacak-rating>`,
    );
    expect(render({ kiosk_key: 'short', work_area: 'boom-baru' })).toBe('');
  });

  it('renders the block through the same allow-list as the shortcode', () => {
    const run = wordpress([
      { block: { nip: NIP, lang: 'id', service: 'cop', className: 'x" onclick="y' } },
      { block: { nip: '<img src=x onerror=alert(1)>' } },
      { block: { kioskKey: KEY, workArea: 'kantor-induk' } },
    ]);
    expect(run.results).toEqual([
      `<pacak-rating nip="${NIP}" lang="id" service="cop"></pacak-rating>`,
      '',
      `<pacak-rating kiosk work-area="kantor-induk" kiosk-key="${KEY}"></pacak-rating>`,
    ]);
  });

  it('keeps only the origin of the server address an administrator types, and refuses other schemes', () => {
    const run = wordpress([
      { sanitize: ' https://pacak.example.go.id/some/path/?q=1 ' },
      { sanitize: 'http://127.0.0.1:8080' },
      { sanitize: 'javascript:alert(1)' },
      { sanitize: '' },
    ]);
    expect(run.results).toEqual(['https://pacak.example.go.id', 'http://127.0.0.1:8080', '', '']);
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
      for (const file of ['pacak-rating.php', 'readme.txt', 'block/block.json', 'block/editor.js', 'block/editor.asset.php', 'uninstall.php']) {
        expect(readFileSync(join(dir, 'pacak-rating', file)).equals(readFileSync(join('wordpress/pacak-rating', file)))).toBe(true);
      }
      expect(build().status).toBe(0);
      expect(readFileSync(zip).equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
