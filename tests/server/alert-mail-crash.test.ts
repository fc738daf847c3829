import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, openSide, type ScratchDatabase } from '../helpers/databases.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startMailbox, type TestMailbox } from '../helpers/mailbox.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';

let database: ScratchDatabase;
let dataDir: string;
let side: Sequelize;
let mailbox: TestMailbox;
const servers: ServerProcess[] = [];
const EMAIL = 'koordinator-induk@bkk.example.go.id';

beforeAll(async () => {
  await ensureServerBuilt();
  mailbox = await startMailbox();
  database = await createScratchDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'pacak-mail-crash-'));
  side = openSide(database.url);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.child.kill('SIGKILL');
  await side?.close();
  await database?.drop();
  await mailbox?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const env = (alertSeconds: number) => ({
  ...PROCESS_SECRETS,
  DATABASE_URL: database.url,
  DATA_DIR: dataDir,
  SMTP_URL: mailbox.url,
  MAIL_FROM: 'PACAK rating <pacak@bkk.example.go.id>',
  ALERT_INTERVAL_SECONDS: String(alertSeconds),
  ALERT_BATCH_MINUTES: '0',
});

/** The coordinator of the demo employee's work area, with an address, made as the console would store it. */
async function addCoordinator(): Promise<void> {
  const [area] = await side.query<{ id: number; office_id: number }>(`SELECT id, office_id FROM work_areas WHERE code = 'kantor-induk'`, {
    type: QueryTypes.SELECT,
  });
  const now = new Date();
  await side.query(
    `INSERT INTO admin_users (username, password_hash, role, office_id, work_area_id, active, password_changed_at,
       must_change_password, token_version, created_at, updated_at, email)
     VALUES ('koordinator-induk', 'not-a-hash', 'coordinator', :office, :area, :yes, :now, :no, 0, :now, :now, :email)`,
    { replacements: { office: area!.office_id, area: area!.id, yes: true, no: false, now, email: EMAIL } },
  );
}

describe('alert mail across a crash', () => {
  it('loses nothing when the process dies between the rating’s commit and the send, and two processes then send it once', async () => {
    // This process takes ratings but never delivers (ALERT_INTERVAL_SECONDS=0): it is killed before it could.
    const first = await spawnServer(env(0));
    servers.push(first);
    await addCoordinator();
    const receipts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await postJson<{ receipt: string }>(
        `${first.url}/api/v1/ratings`,
        ratingBody({ scores: { profesional: 1, amanah: 2, cakap: 1, akuntabel: 2, kolaboratif: 1 } }),
      );
      expect(answer.status).toBe(201);
      receipts.push(answer.body.receipt);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(mailbox.messages).toHaveLength(0);

    // Two processes come back on the same database and deliver every second.
    servers.push(...(await Promise.all([spawnServer(env(1)), spawnServer(env(1))])));
    const deadline = Date.now() + 30_000;
    const listed = () => receipts.map((receipt) => mailbox.to(EMAIL).filter((mail) => mail.text!.includes(receipt)).length);
    while (listed().some((count) => count === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // A few more rounds of both: nothing goes twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(listed()).toEqual([1, 1, 1]);
    const [row] = await side.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM alert_outbox WHERE channel = 'mail' AND status = 'sent'`,
      { type: QueryTypes.SELECT },
    );
    expect(Number(row!.n)).toBe(3);
  }, 90_000);
});
