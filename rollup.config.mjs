// Builds what pages load: one ES module per entry, Lit inside where used, nothing fetched at run time.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Fails the build when a chunk outgrows the budget, so a heavy import is caught where it is added. */
function gzipBudget(limit) {
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

/** One self-contained bundle: each page loads exactly one file, so nothing is shared between them. */
function bundle(input, file, limit) {
  return {
    input,
    output: { file, format: 'es', sourcemap: false },
    plugins: [
      nodeResolve({ browser: true }),
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
      gzipBudget(limit),
    ],
  };
}

export default [
  // DESIGN.md budget: what a page loads to show the rating form is at most 15 KB gzip (aim 12).
  bundle('widget/src/pacak-rating/pacak-rating.ts', 'dist/widget/pacak-rating.js', 15 * 1024),
  // <pacak-qr> for intranet pages: Lit and a few buttons.
  bundle('widget/src/pacak-qr/pacak-qr.ts', 'dist/widget/pacak-qr.js', 10 * 1024),
  // The script of the keypass, card and board pages: no Lit, a few listeners.
  bundle('widget/src/pages/pacak-pages.ts', 'dist/widget/pacak-pages.js', 4 * 1024),
];
