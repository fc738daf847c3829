import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createSequelize } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { Office, WorkArea } from '../db/models/index.js';
import { KioskKeys } from '../services/access/kiosk-keys.js';
import { PhoneVault } from '../domain/phone.js';

const USAGE = `Kiosk keys for counter tablets (<pacak-rating kiosk work-area="…" kiosk-key="…">).

  npm run kiosk-key -- issue --office bkk-palembang --work-area kantor-induk --label "Loket 1"
  npm run kiosk-key -- list --office bkk-palembang
  npm run kiosk-key -- revoke --id 3

Uses the same DATABASE_URL and PHONE_KEY as the server: a key issued against one PHONE_KEY is unknown to a
server with another.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      office: { type: 'string' },
      'work-area': { type: 'string' },
      label: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !['issue', 'list', 'revoke'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }

  const config = loadConfig();
  const sequelize = createSequelize(config);
  try {
    await migrate(sequelize);
    const keys = new KioskKeys(new PhoneVault(config.phoneKey));
    if (command === 'revoke') {
      const id = Number(values.id);
      if (!Number.isInteger(id)) throw new UsageError('revoke needs --id <number>');
      process.stdout.write((await keys.revokeKioskKey(id)) ? `Kiosk key ${id} revoked.\n` : `No valid kiosk key has id ${id}.\n`);
      return 0;
    }
    const office = await Office.findOne({ where: { code: values.office ?? '' } });
    if (!office) throw new UsageError(`--office: no office has the code "${values.office ?? ''}"`);
    if (command === 'list') {
      const areas = new Map((await WorkArea.findAll({ where: { officeId: office.id } })).map((a) => [a.id, a.code]));
      for (const key of await keys.list(office.id)) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'valid';
        process.stdout.write(`${key.id}\t${areas.get(key.workAreaId)}\t${key.label}\t${key.createdAt.toISOString()}\t${state}\n`);
      }
      return 0;
    }
    const area = await WorkArea.findOne({ where: { officeId: office.id, code: values['work-area'] ?? '' } });
    if (!area) throw new UsageError(`--work-area: ${office.code} has no work area "${values['work-area'] ?? ''}"`);
    if (!values.label?.trim()) throw new UsageError('issue needs --label, e.g. --label "Loket 1"');
    const { id, key } = await keys.issueKioskKey(office.id, area.id, values.label);
    process.stdout.write(
      `Kiosk key ${id} for ${area.name} (${values.label.trim()}). It is shown only now; keep it like a password:\n\n  ${key}\n\n` +
        `<pacak-rating kiosk work-area="${area.code}" kiosk-key="${key}"></pacak-rating>\n`,
    );
    return 0;
  } finally {
    await sequelize.close();
  }
}

class UsageError extends Error {
  override name = 'UsageError';
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
