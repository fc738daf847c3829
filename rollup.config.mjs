// Builds the widget that other sites load: one ES module, Lit inside, nothing else fetched at run time.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { transform } from 'lightningcss';

// DESIGN.md budget: what a page loads to show the form is at most 15 KB gzip (aim 12).
const GZIP_LIMIT = 15 * 1024;

/** Fails the build when a chunk outgrows the budget, so a heavy import is caught where it is added. */
export function gzipBudget(limit) {
  return {
    name: 'gzip-budget',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const size = gzipSync(file.code, { level: 9 }).length;
        const line = `${file.fileName}: ${(size / 1024).toFixed(2)} KB gzip (limit ${limit / 1024} KB)`;
        if (size > limit) this.error(`over budget, ${line}`);
        console.log(line);
      }
    },
  };
}

/**
 * After terser the only line breaks left are inside template literals: Lit's html`` and css``. The
 * indentation after them is layout of our source, not of the page (whitespace collapses in HTML and CSS,
 * and no template holds a <pre>), so it goes. In the rating widget's entry, whose every template literal
 * is a Lit template of block-level elements, a line break beside a tag goes too (gzip -9: 12 367 -> 12 339
 * bytes): there it separates no inline elements, where a space would show.
 */
function templateWhitespace() {
  return {
    name: 'template-whitespace',
    renderChunk: (code, chunk) => {
      const lines = code.replace(/\n\s+/g, '\n');
      return { code: chunk.fileName === 'pacak-rating.js' ? lines.replace(/>\n|\n(?=<)/g, (m) => m.trim()) : lines, map: null };
    },
  };
}

/**
 * The css`` of *.styles.ts files, minified by lightningcss (a template with ${} is left as it is). Measured
 * against the small regex minifier it replaced (comments, runs of spaces and the spaces around `{ } ; , >`),
 * gzip -9: pacak-rating 14 816 -> 14 800 bytes, pacak-qr 8 634 -> 8 629, pacak-dashboard 21 770 -> 21 763.
 * No browser targets: nothing is prefixed or lowered, the rules only get shorter.
 */
export function minifyCss(text) {
  // lightningcss leaves a var() fallback as written: the spaces after its commas (a font list) go too.
  return transform({ filename: 'template.css', code: Buffer.from(text), minify: true })
    .code.toString()
    .replace(/, /g, ',');
}

function cssTemplates() {
  return {
    name: 'css-templates',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(/css\s*`([^`$]*)`/g, (_, text) => `css\`${minifyCss(text)}\``), map: null };
    },
  };
}

/** The plugins every bundle goes through, ending with the gzip budget of each chunk. */
const plugins = (limit) => [
  // Always Lit's production build: without this, NODE_ENV=development in the shell makes node-resolve pick
  // Lit's development build (+3.6 KB gzip, dev-mode warnings), which would then be what the server serves.
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  cssTemplates(),
  // Type errors are the typecheck step's job; here only the bundle may come out: no .d.ts, no maps.
  typescript({
    tsconfig: 'widget/tsconfig.json',
    outDir: 'dist/widget',
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    inlineSources: false,
  }),
  terser({
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  }),
  templateWhitespace(),
  gzipBudget(limit),
];

/** One ES module per page script: the widget every page loads, and the helper only /embed loads. */
const bundle = (name, input, limit) => ({
  input,
  // A lazy chunk that shares code with its entry (Lit, shared helpers) imports it from the entry, which then
  // exports a little more, rather than the entry becoming a facade over a chunk of its own: a page loads one
  // file to start.
  preserveEntrySignatures: 'allow-extension',
  output: {
    // A directory, not one file: a rarely used part (the English words) may be a chunk the entry imports
    // when needed. Chunks are named after their entry, without a hash: the server revalidates them by ETag.
    dir: 'dist/widget',
    entryFileNames: `${name}.js`,
    chunkFileNames: `${name}-[name].js`,
    format: 'es',
    sourcemap: false,
  },
  plugins: plugins(limit),
});

/**
 * The console at /admin: a small entry (Lit, the shell, sign-in, the route table) and one chunk per
 * screen, loaded when first opened, each under the budget. Chunk names carry a hex hash (what
 * /widget/ serves: lowercase letters, digits and dashes), so a new release never meets an old chunk.
 */
const consoleBundle = (limit) => ({
  input: 'widget/src/pacak-console/pacak-console.ts',
  // The entry need not keep its exports for anyone: the shell stays in it, not behind a facade chunk.
  preserveEntrySignatures: false,
  output: {
    dir: 'dist/widget',
    format: 'es',
    sourcemap: false,
    entryFileNames: 'pacak-console.js',
    // A helper two screens share is not worth a request of its own: it goes into the entry.
    experimentalMinChunkSize: 2048,
    hashCharacters: 'hex',
    chunkFileNames: (chunk) => `console-${chunk.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-[hash].js`,
  },
  plugins: plugins(limit),
});

export default [
  // DESIGN.md budget: what a page loads to show the rating form is at most 15 KB gzip (aim 12).
  bundle('pacak-rating', 'widget/src/pacak-rating/pacak-rating.ts', GZIP_LIMIT),
  // The helper only /embed loads.
  bundle('pacak-embed-helper', 'widget/src/embed-helper/pacak-embed-helper.ts', 6 * 1024),
  // <pacak-qr> for intranet pages: Lit and a few buttons.
  bundle('pacak-qr', 'widget/src/pacak-qr/pacak-qr.ts', 10 * 1024),
  // <pacak-dashboard> for /admin and intranet pages: leaders load it, customers never do, so it has a
  // budget of its own (Lit, SVG charts, tables, exports) and the rating widget stays small.
  bundle('pacak-dashboard', 'widget/src/pacak-dashboard/pacak-dashboard.ts', 24 * 1024),
  // The office's console at /admin: its entry and each screen's chunk at most 24 KB gzip.
  consoleBundle(24 * 1024),
  // <pacak-skm>, the public satisfaction survey: its own bundle, which the rating widget loads only when
  // a customer takes the optional second step, so the rating widget does not grow with it.
  bundle('pacak-skm', 'widget/src/pacak-skm/pacak-skm.ts', 12 * 1024),
  // <pacak-employee>, an employee's own page at /saya: employees load it, customers never do, so the
  // rating widget's first load does not grow with it.
  bundle('pacak-employee', 'widget/src/pacak-employee/pacak-employee.ts', 14 * 1024),
  // The script of the keypass, card and board pages: no Lit, a few listeners.
  bundle('pacak-pages', 'widget/src/pages/pacak-pages.ts', 4 * 1024),
];
