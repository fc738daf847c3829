import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cycles, folderGraph, importsOf, readGraph, upwardImports } from './import-layers.js';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server');

describe('the server layers', () => {
  const graph = readGraph(SERVER);

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('app.ts')).toContain('routes/health.ts');
  });

  it('has no import pointing up a layer', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import loop between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import loop between folders', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });
});

describe('the layer checker', () => {
  const root = mkdtempSync(join(tmpdir(), 'pacak-layers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf('x/y.ts', source)).toEqual(['x/a.ts', 'b/b.ts', 'x/c.ts', 'x/d.ts', 'x/e.ts']);
  });

  it('finds an upward import, a file loop and a folder loop in a synthetic tree', () => {
    write('domain/rules.ts', 'export const rule = 1;\n');
    // Upward: the domain reaching into a service.
    write('domain/types.ts', "import { rule } from './rules.js';\nimport type { S } from '../services/intake/s.js';\n");
    write('db/store.ts', "import { rule } from '../domain/rules.js';\n");
    // A loop between two files of one folder.
    write('services/intake/s.ts', "import { t } from './t.js';\nimport { store } from '../../db/store.js';\nexport type S = 1;\n");
    write('services/intake/t.ts', "import { s } from './s.js';\nimport { q } from '../qr/q.js';\n");
    // A loop between two folders of one layer, with no loop between files.
    write('services/qr/q.ts', "import { u } from '../intake/u.js';\n");
    write('services/intake/u.ts', 'export const u = 1;\n');
    write('app.ts', "import { s } from './services/intake/s.js';\n");

    const graph = readGraph(root);
    expect(upwardImports(graph)).toEqual(['domain/types.ts (domain) imports services/intake/s.ts (services)']);
    expect(cycles(graph)).toEqual([['services/intake/s.ts', 'services/intake/t.ts']]);
    // The upward import closes a loop of folders too: domain -> services/intake -> db -> domain.
    expect(cycles(folderGraph(graph))).toEqual([['db', 'domain', 'services/intake', 'services/qr']]);
  });

  it('passes the same synthetic tree once the arrows point down', () => {
    write('domain/types.ts', "import { rule } from './rules.js';\n");
    write('services/intake/t.ts', 'export const t = 1;\n');
    write('services/qr/q.ts', "import { rule } from '../../domain/rules.js';\n");
    const graph = readGraph(root);
    expect(upwardImports(graph)).toEqual([]);
    expect(cycles(graph)).toEqual([]);
    expect(cycles(folderGraph(graph))).toEqual([]);
  });
});
