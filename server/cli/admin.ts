import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.js';
import { createSequelize } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { AdminUser } from '../db/models/index.js';
import { ROLES } from '../domain/roles.js';
import { ProblemError } from '../domain/problem.js';
import { createAccount, passwordSchema, placeIn, setPassword, usernameSchema } from '../services/access/accounts.js';
import { AuditLog, CLI_ACTOR } from '../services/admin/audit.js';

const USAGE = `Usage:
  npm run admin -- create --office <code> --role <admin|coordinator|viewer> --username <name> [--work-area <code>] [--password <password>]
  npm run admin -- create --role superadmin --username <name> [--password <password>]
  npm run admin -- reset-password --username <name> [--password <password>]

Without --password a password is generated and printed once. A password given on the command line
stays in the shell history: prefer the generated one, or clear the history.`;

const createArgs = z.strictObject({
  office: z.string().optional(),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  username: usernameSchema,
  'work-area': z.string().optional(),
  password: passwordSchema.optional(),
});
const resetArgs = z.strictObject({ username: usernameSchema, password: passwordSchema.optional() });

class UsageError extends Error {
  override name = 'UsageError';
}

function parse<Schema extends z.ZodType>(schema: Schema, values: unknown): z.infer<Schema> {
  const result = schema.safeParse(values);
  if (!result.success)
    throw new UsageError(result.error.issues.map((issue) => `--${issue.path.join('.') || '?'}: ${issue.message}`).join('\n'));
  return result.data;
}

/**
 * `npm run admin`: makes sign-in accounts and resets passwords on the configured database (the same
 * DATABASE_URL as the server), migrating it first. Writes go to the audit log as actor "cli".
 * Returns the exit code: 0 done, 1 refused, 2 wrong usage or configuration.
 */
export async function runAdminCli(argv: string[], env: Record<string, string | undefined>, print: (text: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        office: { type: 'string' },
        role: { type: 'string' },
        username: { type: 'string' },
        'work-area': { type: 'string' },
        password: { type: 'string' },
      },
    });
  } catch (error) {
    print(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (!command || extra.length || !['create', 'reset-password'].includes(command)) {
    print(`${USAGE}\n`);
    return 2;
  }
  let sequelize;
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    sequelize = createSequelize(config);
    await migrate(sequelize);
    const audit = new AuditLog();
    if (command === 'create') {
      const args = parse(createArgs, parsed.values);
      const { office, workArea } = await placeIn(args.office, args['work-area']);
      const { user, password } = await sequelize.transaction(async (transaction) => {
        const created = await createAccount(
          {
            username: args.username,
            role: args.role,
            officeId: office?.id ?? null,
            workAreaId: workArea?.id ?? null,
            password: args.password,
          },
          transaction,
        );
        const changes = { username: args.username, role: args.role, office: args.office ?? null, workArea: args['work-area'] ?? null };
        await audit.record(
          CLI_ACTOR,
          { officeId: office?.id ?? null, action: 'user.create', targetType: 'user', targetId: created.user.id, changes },
          transaction,
        );
        return created;
      });
      print(
        `Created ${user.role} "${user.username}"${office ? ` of ${office.code}` : ''}${workArea ? `, work area ${workArea.code}` : ''}.\n`,
      );
      if (password) print(`Password (shown only now): ${password}\n`);
    } else {
      const args = parse(resetArgs, parsed.values);
      const user = await AdminUser.findOne({ where: { username: args.username } });
      if (!user) throw new UsageError(`No account has the username "${args.username}".`);
      const password = await sequelize.transaction(async (transaction) => {
        const generated = await setPassword(user, args.password, transaction);
        await audit.record(
          CLI_ACTOR,
          { officeId: user.officeId, action: 'user.reset-password', targetType: 'user', targetId: user.id },
          transaction,
        );
        return generated;
      });
      print(`Password of "${user.username}" reset; its earlier sign-ins have ended.\n`);
      if (password) print(`Password (shown only now): ${password}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      print(`${error.message}\n`);
      return 2;
    }
    if (error instanceof ProblemError) {
      const details = (error.problem.errors ?? []).map((field) => `  ${field.path}: ${field.message}`);
      print(`${[error.problem.detail ?? error.problem.title, ...details].join('\n')}\n`);
      return 1;
    }
    throw error;
  } finally {
    await sequelize?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAdminCli(process.argv.slice(2), process.env, (text) => process.stdout.write(text));
}
