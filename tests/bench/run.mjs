// `npm run bench`: builds the server, the widget (whose build fails past the size budget) and the
// benchmarks (TypeScript, compiled to dist/bench), then runs them. Arguments pass through to run.ts:
//   --only=widget,intake,reports (or ministry)   --quick   --write (updates tests/bench/RESULTS.md)   --help
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

const step = (command, commandArgs) => {
  const { status } = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

if (!args.includes('--no-build')) {
  step('npm', ['run', '--silent', 'build']);
  step(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tests/bench/tsconfig.json']);
}
step(process.execPath, [join(root, 'dist', 'bench', 'tests', 'bench', 'run.js'), ...args.filter((arg) => arg !== '--no-build')]);
