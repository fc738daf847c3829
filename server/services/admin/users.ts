import type { Sequelize, Transaction } from 'sequelize';
import { z } from 'zod';
import { AdminUser, Office, WorkArea } from '../../db/models/index.js';
import { OFFICE_ROLES, type OfficeRole } from '../../domain/roles.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/problem.js';
import { assertPlacement, createAccount, passwordSchema, placeIn, setPassword, usernameSchema } from '../access/accounts.js';
import type { Actor, AuditLog } from './audit.js';
import { assertRole, type AuthUser } from '../access/scope.js';
import { slugCode } from './fields.js';
import { wantsAlertMail } from '../../domain/alert-mail.js';

const officeRole = z.enum(OFFICE_ROLES, { error: 'must be admin, coordinator or viewer' });

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  role: officeRole,
  /** For a coordinator: the work area whose reports they read. */
  workArea: slugCode.optional(),
  /** Left out, a password is generated and answered once. */
  password: passwordSchema.optional(),
  /** A superadmin names the office; an office admin's users join the admin's own office. */
  office: slugCode.optional(),
});
/** An account's address for alert mail and scheduled reports, and whether it wants alert mail. */
const contactFields = {
  email: z.email('must be an e-mail address').max(254).nullable().optional(),
  alertMail: z.boolean().optional(),
};
export const userUpdateSchema = z
  .strictObject({ role: officeRole.optional(), workArea: slugCode.nullable().optional(), ...contactFields })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name what to change');
/** What a signed-in user changes of their own account. */
export const meUpdateSchema = z
  .strictObject(contactFields)
  .refine((body) => body.email !== undefined || body.alertMail !== undefined, 'name the address or the alert choice to change');
export const userListSchema = z.strictObject({ office: slugCode.optional() });
export const passwordChangeSchema = z.strictObject({ currentPassword: z.string().max(256), newPassword: passwordSchema });

export type UserCreateBody = z.infer<typeof userCreateSchema>;
export type UserUpdateBody = z.infer<typeof userUpdateSchema>;
export type MeUpdateBody = z.infer<typeof meUpdateSchema>;
export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;

type Loaded = AdminUser & { office: Office | null; workArea: WorkArea | null };

export interface UserView {
  id: number;
  username: string;
  role: string;
  office: string | null;
  workArea: string | null;
  active: boolean;
  /** The password was generated and not yet replaced by its owner's own. */
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  /** Where alert mail and scheduled reports go; null: none. */
  email: string | null;
  /** Gets low-score alert mail (coordinators unless they opt out, admins who opt in). */
  alertMail: boolean;
}

const include = [
  { model: Office, as: 'office', required: false },
  { model: WorkArea, as: 'workArea', required: false },
];

export const userView = (user: Loaded): UserView => ({
  id: user.id,
  username: user.username,
  role: user.role,
  office: user.office?.code ?? null,
  workArea: user.workArea?.code ?? null,
  active: user.active,
  mustChangePassword: user.mustChangePassword,
  lastSignInAt: user.lastSignInAt ? new Date(user.lastSignInAt).toISOString() : null,
  email: user.email ?? null,
  alertMail: wantsAlertMail(user),
});

const contactValues = (body: MeUpdateBody): Partial<Pick<AdminUser, 'email' | 'alertMail'>> => ({
  ...(body.email !== undefined ? { email: body.email } : {}),
  ...(body.alertMail !== undefined ? { alertMail: body.alertMail } : {}),
});

/** For the audit log: whether the address changed (not the address itself) and the alert choice. */
const contactChanges = (user: AdminUser, body: MeUpdateBody): Record<string, unknown> => ({
  ...(body.email !== undefined && body.email !== user.email ? { email: body.email === null ? 'removed' : 'changed' } : {}),
  ...(body.alertMail !== undefined ? { alertMail: { from: wantsAlertMail(user), to: body.alertMail } } : {}),
});

function caller(actor: Actor): AuthUser {
  if (!actor.user) throw forbidden('Sign in first.');
  assertRole(actor.user, ['admin', 'superadmin']);
  return actor.user;
}

/**
 * The people who sign in. An office admin manages the users of their own office; a superadmin creates
 * an office's admins (its first one above all) and may manage any office's users. Superadmin accounts
 * are managed only with the CLI. Nobody changes their own role or deactivates themselves, and an
 * office always keeps one active admin.
 */
export class UserAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    /** Checks a signed-in user's current password under the sign-in lock (AuthService.checkCurrentPassword). */
    private readonly checkCurrentPassword: (userId: number, password: string) => Promise<AdminUser>,
  ) {}

  async list(actor: Actor, officeCode?: string): Promise<UserView[]> {
    const user = caller(actor);
    const where = user.role === 'admin' ? { officeId: user.officeId } : officeCode ? { officeId: (await this.#office(officeCode)).id } : {};
    return ((await AdminUser.findAll({ where, include, order: [['id', 'ASC']] })) as Loaded[]).map(userView);
  }

  async create(actor: Actor, body: UserCreateBody): Promise<{ user: UserView; password?: string }> {
    const user = caller(actor);
    if (user.role === 'superadmin') {
      if (!body.office) throw invalid([{ path: 'office', message: 'name the office the new admin manages', code: 'invalid_placement' }]);
      if (body.role !== 'admin')
        throw invalid([
          { path: 'role', message: 'a superadmin creates admins; they create the other users of their office', code: 'invalid_role' },
        ]);
    } else if (body.office && body.office !== user.officeCode) {
      throw notFound('No such office.');
    }
    const { office, workArea } = await placeIn(body.office ?? (user.officeCode as string), body.workArea);
    return this.db.transaction(async (transaction) => {
      const created = await createAccount(
        {
          username: body.username,
          role: body.role,
          officeId: office?.id ?? null,
          workAreaId: workArea?.id ?? null,
          password: body.password,
        },
        transaction,
      );
      const changes = { username: body.username, role: body.role, workArea: body.workArea ?? null, passwordGenerated: !body.password };
      await this.audit.record(
        actor,
        { officeId: office?.id ?? null, action: 'user.create', targetType: 'user', targetId: created.user.id, changes },
        transaction,
      );
      return {
        user: userView(Object.assign(created.user, { office, workArea })),
        ...(created.password ? { password: created.password } : {}),
      };
    });
  }

  async update(actor: Actor, id: number, body: UserUpdateBody): Promise<UserView> {
    const target = await this.#target(actor, id);
    const role: OfficeRole = body.role ?? (target.role as OfficeRole);
    if (role !== target.role && target.id === actor.user?.id)
      throw conflict('own-role', 'Own role', 'Nobody changes their own role: ask another admin.');
    const areaCode =
      body.workArea === undefined ? (role === 'coordinator' ? target.workArea?.code : undefined) : (body.workArea ?? undefined);
    const { workArea } = await placeIn(target.office?.code, areaCode);
    assertPlacement({ role, officeId: target.officeId, workAreaId: workArea?.id ?? null });
    await this.db.transaction(async (transaction) => {
      if (target.active && target.role === 'admin' && role !== 'admin') await this.#keepOneAdmin(target, transaction);
      const changes = {
        role: { from: target.role, to: role },
        workArea: { from: target.workArea?.code ?? null, to: workArea?.code ?? null },
        ...contactChanges(target, body),
      };
      const moved = role !== target.role || (workArea?.id ?? null) !== target.workAreaId;
      await target.update({ role, workAreaId: workArea?.id ?? null, ...contactValues(body) }, { transaction });
      if (moved) await target.increment('tokenVersion', { transaction });
      await this.audit.record(
        actor,
        { officeId: target.officeId, action: 'user.update', targetType: 'user', targetId: id, changes },
        transaction,
      );
    });
    return this.#reload(id);
  }

  async setActive(actor: Actor, id: number, active: boolean): Promise<UserView> {
    const target = await this.#target(actor, id);
    if (!active && target.id === actor.user?.id)
      throw conflict('own-account', 'Own account', 'Nobody deactivates themselves: ask another admin.');
    if (target.active !== active) {
      await this.db.transaction(async (transaction) => {
        if (!active && target.role === 'admin') await this.#keepOneAdmin(target, transaction);
        await target.update({ active }, { transaction });
        // Reactivation must not revive the tokens deactivation refused: both move the version on.
        await target.increment('tokenVersion', { transaction });
        const action = active ? 'user.reactivate' : 'user.deactivate';
        await this.audit.record(
          actor,
          { officeId: target.officeId, action, targetType: 'user', targetId: id, changes: { active: { from: !active, to: active } } },
          transaction,
        );
      });
    }
    return this.#reload(id);
  }

  /** A new generated password, shown once; the user's tokens stop working. */
  async resetPassword(actor: Actor, id: number): Promise<{ user: UserView; password: string }> {
    const target = await this.#target(actor, id);
    const password = await this.db.transaction(async (transaction) => {
      const generated = (await setPassword(target, undefined, transaction)) as string;
      await this.audit.record(
        actor,
        { officeId: target.officeId, action: 'user.reset-password', targetType: 'user', targetId: id },
        transaction,
      );
      return generated;
    });
    return { user: await this.#reload(id), password };
  }

  /** Any signed-in user changes their own password, giving the current one. */
  async changeOwnPassword(actor: Actor, body: PasswordChangeBody): Promise<void> {
    if (!actor.user) throw forbidden('Sign in first.');
    const user = await this.checkCurrentPassword(actor.user.id, body.currentPassword);
    await this.db.transaction(async (transaction) => {
      await setPassword(user, body.newPassword, transaction);
      await this.audit.record(
        actor,
        { officeId: user.officeId, action: 'user.change-password', targetType: 'user', targetId: user.id },
        transaction,
      );
    });
  }

  async me(user: AuthUser): Promise<UserView> {
    return this.#reload(user.id);
  }

  /** Any signed-in user sets their own address and whether they get alert mail. */
  async updateMe(actor: Actor, body: MeUpdateBody): Promise<UserView> {
    if (!actor.user) throw forbidden('Sign in first.');
    const user = await AdminUser.findByPk(actor.user.id);
    if (!user) throw notFound('No such user.');
    await this.db.transaction(async (transaction) => {
      const changes = contactChanges(user, body);
      await user.update(contactValues(body), { transaction });
      await this.audit.record(
        actor,
        { officeId: user.officeId, action: 'user.update', targetType: 'user', targetId: user.id, changes },
        transaction,
      );
    });
    return this.#reload(user.id);
  }

  async #target(actor: Actor, id: number): Promise<Loaded> {
    const user = caller(actor);
    const target = (await AdminUser.findByPk(id, { include })) as Loaded | null;
    if (!target || (user.role === 'admin' && target.officeId !== user.officeId)) throw notFound('No such user in your office.');
    if (target.role === 'superadmin') throw forbidden('Superadmin accounts are managed with the command line (npm run admin).');
    return target;
  }

  /**
   * Refuses to take away the office's last active admin, safely under concurrency: the office's row is
   * locked first (PostgreSQL, MariaDB; SQLite's IMMEDIATE transactions already run one at a time), so two
   * admins demoting or deactivating each other at once are counted one after the other, and the count
   * is itself a locking read, which sees the latest committed rows rather than an older snapshot.
   */
  async #keepOneAdmin(target: AdminUser, transaction: Transaction): Promise<void> {
    const lock = transaction.LOCK.UPDATE;
    await Office.findByPk(target.officeId as number, { attributes: ['id'], lock, transaction });
    const admins = await AdminUser.findAll({
      where: { officeId: target.officeId, role: 'admin', active: true },
      attributes: ['id'],
      order: [['id', 'ASC']],
      lock,
      transaction,
    });
    if (!admins.some((admin) => admin.id === target.id)) return;
    if (admins.length <= 1)
      throw conflict('last-admin', 'Last admin', 'An office keeps at least one active admin. Make another admin first.');
  }

  async #office(code: string): Promise<Office> {
    const office = await Office.findOne({ where: { code } });
    if (!office) throw notFound('No office has that code.');
    return office;
  }

  async #reload(id: number): Promise<UserView> {
    return userView((await AdminUser.findByPk(id, { include })) as Loaded);
  }
}
