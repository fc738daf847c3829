import { parseArgs } from 'node:util';
import { dialectOf } from '../db/connection.js';
import { copyDatabase } from '../db/copy.js';

const USAGE = `Copies every table of one PACAK rating database into a new, empty one.

Usage: npm run db:copy -- --from <DATABASE_URL> --to <DATABASE_URL> [--batch-size 1000]

  npm run db:copy -- --from sqlite:./data/pacak.sqlite --to postgres://pacak:secret@localhost:5432/pacak
  npm run db:copy -- --from sqlite:./data/pacak.sqlite --to mysql://pacak:secret@localhost:3306/pacak

The target is migrated first and must hold no rows: create it empty and copy before the first start on it.
Keep PHONE_KEY (or ./data/dev-secrets.json) as it is, or the copied phone hashes stop matching.
`;

/** A URL for the terminal, without its password. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.protocol === 'sqlite:' ? url : parsed.toString();
  } catch {
    return url;
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: { from?: string; to?: string; 'batch-size'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { from, to } = values;
  if (!from || !to) fail(`Both --from and --to are required.\n\n${USAGE}`, 2);
  const batchSize = Number(values['batch-size'] ?? 1_000);
  if (!Number.isInteger(batchSize) || batchSize < 1) fail('--batch-size must be a positive whole number.', 2);
  try {
    dialectOf(from);
    dialectOf(to);
  } catch (error) {
    fail((error as Error).message, 2);
  }

  process.stdout.write(`Copying ${shown(from)} to ${shown(to)}\n`);
  const started = Date.now();
  try {
    const report = await copyDatabase({ from, to, batchSize, log: (line) => process.stdout.write(`  ${line}\n`) });
    const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(`Done: ${rows} rows in ${report.tables.length} tables, counts verified, in ${Date.now() - started} ms.\n`);
  } catch (error) {
    fail(`db:copy failed and wrote no rows: ${(error as Error).message}`, 1);
  }
}

await main();
