import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';

/**
 * The server's layers, lowest first. A file may import files of its own layer or of lower ones, never
 * of a higher one: rules and types stay free of storage, storage free of services, services free of
 * HTTP, and only the entry points put the whole together. The first matching prefix decides.
 */
export const SERVER_LAYERS: readonly { name: string; prefixes: readonly string[] }[] = [
  // The public API's types and constants, shared with the widget: below everything, importing nothing of the server.
  { name: 'contract', prefixes: ['../contract/'] },
  { name: 'domain', prefixes: ['domain/'] },
  { name: 'foundation', prefixes: ['config.ts', 'paths.ts', 'logger.ts'] },
  { name: 'db', prefixes: ['db/'] },
  { name: 'services', prefixes: ['services/'] },
  { name: 'web', prefixes: ['http/', 'views/', 'routes/'] },
  { name: 'entry', prefixes: ['app.ts', 'start.ts', 'main.ts', 'cli/'] },
];

/** One file's relative imports, as paths from the tree's root (`db/models/index.ts`). */
export type ImportGraph = Map<string, string[]>;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative imports of a source text, resolved against the importing file's path. */
export function importsOf(file: string, source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(SPECIFIER)) {
    const target = posix.normalize(posix.join(posix.dirname(file), match[1]!));
    found.add(target.replace(/\.js$/, '.ts'));
  }
  return [...found];
}

/** Reads every .ts file under `root` into an import graph. */
export function readGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const file = relative(root, path).split(sep).join('/');
        graph.set(file, importsOf(file, readFileSync(path, 'utf8')));
      }
    }
  };
  walk(resolve(root));
  return graph;
}

export function layerOf(file: string, layers = SERVER_LAYERS): number {
  return layers.findIndex((layer) => layer.prefixes.some((prefix) => file === prefix || file.startsWith(prefix)));
}

/** Every import that points up the layers, or from or to a file no layer holds. */
export function upwardImports(graph: ImportGraph, layers = SERVER_LAYERS): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const own = layerOf(file, layers);
    if (own < 0) problems.push(`${file} belongs to no layer`);
    for (const target of imports) {
      const theirs = layerOf(target, layers);
      if (theirs > own) problems.push(`${file} (${layers[own]?.name}) imports ${target} (${layers[theirs]?.name})`);
      else if (theirs < 0) problems.push(`${file} imports ${target}, which belongs to no layer`);
    }
  }
  return problems;
}

/**
 * The import loops of a graph, each as the list of nodes around it (Tarjan's strongly connected
 * components of more than one node, or one node importing itself).
 */
export function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** A file's folder; the few files at the root belong to different layers, so each stands alone. */
const folderOf = (file: string): string => (file.includes('/') ? posix.dirname(file) : file);

/** The graph between folders: one folder imports another when any of its files imports a file there. */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const folders: ImportGraph = new Map();
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    const targets = new Set(folders.get(from) ?? []);
    for (const target of imports) if (folderOf(target) !== from) targets.add(folderOf(target));
    folders.set(from, [...targets]);
  }
  return folders;
}
