import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createSequelize } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { Employee } from '../db/models/index.js';
import { randomPin, setEmployeePin, WeakPinError } from '../services/qr/pins.js';

const USAGE = `Sets the PIN an employee confirms one-service codes with on the keypass page.

  npm run employee-pin -- --nip <NIP or staff code>            a random 6-digit PIN, printed once
  npm run employee-pin -- --nip <NIP or staff code> --pin <digits>   a PIN of your choice (6 to 12 digits)
  npm run employee-pin -- --nip <NIP or staff code> --remove        no PIN: no one-service codes

Uses the same configuration as the server (DATABASE_URL, DATA_DIR). Only the PIN's scrypt hash is stored.
A PIN typed on the command line stays in the shell history: prefer the random one.`;

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The command itself, on a database already connected and migrated; answers the exit code. */
export async function runEmployeePin(argv: string[], io: CliOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { nip: { type: 'string' }, pin: { type: 'string' }, remove: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!values.nip || (values.remove && values.pin !== undefined)) {
    io.err(`${values.nip ? 'Give either --pin or --remove, not both.' : 'Missing --nip.'}\n\n${USAGE}\n`);
    return 2;
  }
  const employee = await Employee.findOne({ where: { nip: values.nip }, attributes: ['id', 'name', 'active'] });
  if (!employee) {
    io.err(`No employee has the NIP or staff code ${values.nip}.\n`);
    return 1;
  }
  const pin = values.remove ? null : (values.pin ?? randomPin());
  try {
    await setEmployeePin(values.nip, pin);
  } catch (error) {
    if (!(error instanceof WeakPinError)) throw error;
    io.err(`${error.message}\n`);
    return 2;
  }
  const who = `${employee.name} (${values.nip})`;
  if (pin === null) io.out(`Removed the PIN of ${who}: no one-service codes until a new one is set.\n`);
  else if (values.pin === undefined) io.out(`New PIN for ${who}: ${pin}\nGive it to the employee in person; it is not shown again.\n`);
  else io.out(`Set the PIN of ${who}.\n`);
  if (!employee.active) io.out('Note: this employee is inactive, so the PIN has no use until they are active again.\n');
  return 0;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const sequelize = createSequelize(config);
  const io: CliOutput = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
  let code = 1;
  try {
    await migrate(sequelize);
    code = await runEmployeePin(process.argv.slice(2), io);
  } catch (error) {
    io.err(`Could not set the PIN: ${(error as Error).message}\n`);
  } finally {
    await sequelize.close();
  }
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
