// Builds the rating widget in memory with rollup.config.mjs as this process's environment reads it, and
// prints its gzip size, its hash and whether Lit's development build got in: the bundle-size test runs it
// under different NODE_ENV values. Nothing is written to dist/.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../../rollup.config.mjs';

const config = configs.find((c) => c.output.entryFileNames === 'pacak-rating.js');
const build = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'gzip-budget') });
const chunk = (await build.generate(config.output)).output.find((part) => part.type === 'chunk' && part.isEntry);
await build.close();
console.log(
  JSON.stringify({
    gzip: gzipSync(chunk.code, { level: 9 }).length,
    sha256: createHash('sha256').update(chunk.code).digest('hex'),
    devMode: chunk.code.includes('Lit is in dev mode'),
  }),
);
