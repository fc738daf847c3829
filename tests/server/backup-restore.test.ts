import { execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { createScratchDatabase, TEST_DB, type ScratchDatabase } from '../helpers/databases.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { announceMissing } from '../helpers/requirements.js';
import { startTestServer } from '../helpers/server.js';

const SECRETS = { PHONE_KEY: 'b'.repeat(40), JWT_SECRET: 'c'.repeat(40) };
const COMMENT = 'Cadangan aman 💾 — pelayanan prima 🙏🏽';
const run = promisify(execFile);

let dir: string;
let original: ScratchDatabase;
let restored: ScratchDatabase;

/** mariadb/mariadb-dump arguments for a mysql:// URL: host, port, user and (if any) password. */
function mariadbArgs(url: string): string[] {
  const { hostname, port, username, password } = new URL(url);
  return [
    '-h',
    hostname,
    '-P',
    port || '3306',
    '-u',
    decodeURIComponent(username),
    ...(password ? [`-p${decodeURIComponent(password)}`] : []),
  ];
}

/** Runs a command with stdin or stdout redirected to a file, as `cmd < file` or `cmd > file` in a shell. */
async function redirect(command: string, args: string[], file: string, direction: 'in' | 'out'): Promise<void> {
  const child = spawn(command, args, { stdio: direction === 'in' ? ['pipe', 'ignore', 'inherit'] : ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await (direction === 'in' ? pipeline(createReadStream(file), child.stdin!) : pipeline(child.stdout!, createWriteStream(file)));
  expect(await done).toBe(0);
}

/** The README's commands ("Back up and restore"), run for real. */
const tools = {
  sqlite: {
    backup: (db: ScratchDatabase, file: string) => run('sqlite3', [db.url.replace(/^sqlite:/, ''), `.backup ${file}`]),
    restore: async (db: ScratchDatabase, file: string) => copyFileSync(file, db.url.replace(/^sqlite:/, '')),
  },
  postgres: {
    backup: (db: ScratchDatabase, file: string) => run('pg_dump', ['--format=custom', `--file=${file}`, db.url]),
    restore: (db: ScratchDatabase, file: string) => run('pg_restore', ['--no-owner', `--dbname=${db.url}`, file]),
  },
  mariadb: {
    backup: (db: ScratchDatabase, file: string) =>
      redirect(
        'mariadb-dump',
        ['--single-transaction', '--default-character-set=utf8mb4', ...mariadbArgs(db.url), new URL(db.url).pathname.slice(1)],
        file,
        'out',
      ),
    restore: (db: ScratchDatabase, file: string) =>
      redirect('mariadb', ['--default-character-set=utf8mb4', ...mariadbArgs(db.url), new URL(db.url).pathname.slice(1)], file, 'in'),
  },
}[TEST_DB];

const NEEDED = { sqlite: ['sqlite3'], postgres: ['pg_dump', 'pg_restore'], mariadb: ['mariadb-dump', 'mariadb'] }[TEST_DB];
const missing = NEEDED.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length)
  announceMissing(
    `the ${TEST_DB} backup test`,
    `install ${missing.join(' and ')} (apt-get install sqlite3 postgresql-client mariadb-client)`,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacak-backup-'));
  original = await createScratchDatabase();
  restored = await createScratchDatabase();
});

afterAll(async () => {
  await original?.drop();
  await restored?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing.length > 0)(`backing up and restoring ${TEST_DB} with its own tools`, () => {
  it('restores every rating, Unicode included, and the one-a-day rule still knows the phone', async () => {
    const file = join(dir, 'backup');
    const server = await startTestServer(SECRETS, { database: original });
    for (let i = 0; i < 5; i++) expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody())).status).toBe(201);
    const repeated = ratingBody({ phone: '0813-5555-0009', comment: COMMENT });
    expect((await postJson(`${server.url}/api/v1/ratings`, repeated)).status).toBe(201);
    // SQLite is backed up while the server runs, as the README says it may be.
    if (TEST_DB === 'sqlite') await tools.backup(original, file);
    await server.close();
    if (TEST_DB !== 'sqlite') await tools.backup(original, file);

    await tools.restore(restored, file);
    const again = await startTestServer(SECRETS, { database: restored });
    try {
      expect(await Rating.count()).toBe(6);
      expect(await Rating.count({ where: { comment: COMMENT } })).toBe(1);
      expect((await postJson(`${again.url}/api/v1/ratings`, { ...repeated, clientId: undefined })).status).toBe(409);
      expect((await postJson(`${again.url}/api/v1/ratings`, ratingBody())).status).toBe(201);
    } finally {
      await again.close();
    }
  });
});
