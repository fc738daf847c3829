import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder, found by walking up to package.json: the server runs both as TypeScript
 * under server/ (tests) and compiled under dist/server/ (npm start), at different depths.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the server code');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const widgetDistDir = join(projectRoot, 'dist', 'widget');
export const embedDemoDir = join(projectRoot, 'embed-demo');

/** The release of this server, from package.json, read once: the WordPress plugin's check shows it. */
export const SERVER_VERSION: string = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
