import { existsSync } from 'node:fs';
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
