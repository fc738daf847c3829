/**
 * Widget size: what a page loads before the form is usable, gzip and brotli, beside the floor (Lit
 * alone with an empty element) and the peers a webmaster would otherwise embed (SurveyJS's form
 * library with its CSS, the Formbricks JS SDK), each bundled the way the widget is: rollup,
 * node-resolve (browser), terser with the widget's options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserPlugin from '@rollup/plugin-terser';
import { rollup, type Plugin } from 'rollup';
import { projectRoot } from '../../server/paths.js';

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeRow {
  what: string;
  size: Size;
  note: string;
}

// The plugin's types describe a CommonJS module under NodeNext; at run time its ES build's default is the function.
const terser = terserPlugin as unknown as (options: object) => Plugin;

const FIXTURES = join(projectRoot, 'tests', 'bench', 'fixtures');
/** A package's folder; some packages' exports hide their package.json from require.resolve. */
const packageDir = (name: string): string => join(projectRoot, 'node_modules', name);

/** gzip at level 9 (as the build's budget check) and brotli at quality 11 (as a server precompresses). */
export function sizeOf(bytes: Buffer | string): Size {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

export const addSizes = (...sizes: Size[]): Size => ({
  raw: sizes.reduce((sum, s) => sum + s.raw, 0),
  gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
  brotli: sizes.reduce((sum, s) => sum + s.brotli, 0),
});

/** One fixture bundled the way rollup.config.mjs bundles the widget. */
export async function bundleFixture(file: string): Promise<string> {
  const build = await rollup({
    input: join(FIXTURES, file),
    plugins: [nodeResolve({ browser: true }), terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
    onwarn: () => undefined,
  });
  try {
    const { output } = await build.generate({ format: 'es' });
    return output
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => chunk.code)
      .join('\n');
  } finally {
    await build.close();
  }
}

const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
const packageFile = (name: string, file: string): Buffer => readFileSync(join(packageDir(name), file));

/** The widget as the build wrote it, the hosted page's HTML as the server answered it, the floor and the peers. */
export async function benchWidgetSize(hostedPageHtml: string): Promise<SizeRow[]> {
  const widget = sizeOf(readFileSync(join(projectRoot, 'dist', 'widget', 'pacak-rating.js')));
  const page = sizeOf(hostedPageHtml);
  const lit = sizeOf(await bundleFixture('lit-empty.js'));
  const surveyJs = sizeOf(await bundleFixture('surveyjs-embed.js'));
  const surveyCss = sizeOf(packageFile('survey-core', 'survey-core.min.css'));
  const surveyShipped = addSizes(
    sizeOf(packageFile('survey-core', 'survey.core.min.js')),
    sizeOf(packageFile('survey-js-ui', 'survey-js-ui.min.js')),
    surveyCss,
  );
  const formbricks = sizeOf(await bundleFixture('formbricks-embed.js'));
  const sv = versionOf('survey-core');
  return [
    { what: 'pacak-rating.js (the snippet loads this)', size: widget, note: 'budget 15 KB gzip, aim 12' },
    // The hosted page carries the widget inline (unless its build was not of the known shape): then the page is all.
    hostedPageHtml.includes('src="/widget/pacak-rating.js"')
      ? { what: 'hosted page /r/:code: HTML + pacak-rating.js', size: addSizes(page, widget), note: `HTML alone ${page.gzip} B gzip` }
      : { what: 'hosted page /r/:code: HTML, the widget and its form inline', size: page, note: 'one request' },
    { what: `floor: Lit ${versionOf('lit')}, an empty element`, size: lit, note: 'tests/bench/fixtures/lit-empty.js' },
    {
      what: `SurveyJS ${sv} (survey-core + survey-js-ui) + survey-core.min.css`,
      size: addSizes(surveyJs, surveyCss),
      note: `bundled: JS ${kbText(surveyJs.gzip)} + CSS ${kbText(surveyCss.gzip)} gzip`,
    },
    {
      what: `SurveyJS ${sv} shipped browser builds (.min.js ×2 + .min.css)`,
      size: surveyShipped,
      note: 'for comparison: what a <script> embed loads',
    },
    {
      what: `Formbricks JS SDK ${versionOf('@formbricks/js')} (loader only)`,
      size: formbricks,
      note: 'then fetches its renderer from the Formbricks server: not on npm, not counted',
    },
  ];
}

const kbText = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
