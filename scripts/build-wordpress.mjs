// npm run build:wordpress: zips wordpress/pacak-rating/ into dist/wordpress/pacak-rating.zip, the file a
// WordPress administrator uploads under Plugins > Add New > Upload Plugin.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'wordpress', 'pacak-rating');
const target = process.argv[2] ?? join(root, 'dist', 'wordpress', 'pacak-rating.zip');

/**
 * Every entry gets the same attributes: a fixed time (zip stores local time, so a local date gives the
 * same bytes in every time zone) and a regular Unix file, rw-r--r--. The same sources always give the
 * same zip, whoever builds it and when.
 */
const ENTRY = { level: 9, mtime: new Date(2026, 0, 1), os: 3, attrs: (0o100644 << 16) >>> 0 };

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

const paths = files(source);
const entries = Object.fromEntries(
  paths.map((path) => [
    // WordPress expects the plugin's folder inside the zip.
    ['pacak-rating', ...relative(source, path).split(sep)].join('/'),
    [readFileSync(path), ENTRY],
  ]),
);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, zipSync(entries));
console.log(`${relative(root, target)}: ${paths.length} files`);
