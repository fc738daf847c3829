import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AdminUser, Office, WorkArea } from '../../db/models/index.js';
import { canonicalName } from '../../domain/canonical.js';
import { invalid, tooManyRequests, unauthorized } from '../../domain/problem.js';
import { canonicalUsernameOr422 } from './canonical-input.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { AuthUser } from './scope.js';
import type { SignInThrottleService } from './sign-in-throttle.js';
import { InvalidTokenError, type IssuedToken, type TokenIssuer } from './tokens.js';

export const signInSchema = z.strictObject({
  username: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
});

export type SignInBody = z.infer<typeof signInSchema>;

type LoadedUser = AdminUser & { office: Office | null; workArea: WorkArea | null };

const WRONG = 'The username or password is wrong.';
/** What every username is once canonical (accounts.ts refuses any other at creation). */
const USERNAME_FORM = /^[a-z0-9][a-z0-9._-]{2,63}$/;

function lockedOut(seconds: number): Error {
  const minutes = Math.ceil(seconds / 60);
  return tooManyRequests(seconds, `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
}

/** Longest a failed sign-in is held back, however many failures came before. */
const MAX_SLOWDOWN_MS = 5_000;

async function loadUser(where: { id: number } | { username: string }): Promise<LoadedUser | null> {
  return (await AdminUser.findOne({
    where,
    include: [
      { model: Office, as: 'office', required: false },
      { model: WorkArea, as: 'workArea', required: false },
    ],
  })) as LoadedUser | null;
}

/** Sign-in with a password, and turning a bearer token back into the user it was issued to. */
export class AuthService {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly throttle: SignInThrottleService,
    private readonly settings: Config['signIn'],
    private readonly keyedHash: (value: string) => string,
  ) {}

  /**
   * Checks the password and issues a token. Wrong username, wrong password and a deactivated account
   * all get the same 401 after the same scrypt work, so the answer tells nothing about which it was.
   * A username or address with too many recent failures is refused with 429 before any check.
   */
  async signIn(body: SignInBody, ipHash: string | null): Promise<IssuedToken & { mustChangePassword: boolean }> {
    const username = canonicalUsernameOr422(body.username);
    const userKey = { key: this.userKey(username), limit: this.settings.maxFailures };
    const keys = [userKey];
    const addressKey = ipHash ? { key: `addr:${ipHash}`, limit: this.settings.maxFailuresPerAddress } : null;
    if (addressKey) keys.push(addressKey);

    // The attempt is counted before the password is checked, so a burst cannot outrun the lock.
    const claim = await this.throttle.claim(keys);
    if (!claim.allowed) throw lockedOut(claim.retryAfterSeconds);

    // A name that no account could hold finds nobody, whatever the database's collation would match.
    const user = USERNAME_FORM.test(username) ? await loadUser({ username }) : null;
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches || !user.active) {
      await sleep(Math.min(this.settings.slowdownMs * claim.failures, MAX_SLOWDOWN_MS));
      throw unauthorized(WRONG);
    }
    await this.throttle.clear(userKey.key);
    if (addressKey) await this.throttle.release(addressKey);
    await AdminUser.update({ lastSignInAt: new Date() }, { where: { id: user.id } });
    const issued = this.tokens.issue({
      sub: String(user.id),
      role: user.role,
      office: user.office?.code,
      workArea: user.role === 'coordinator' ? user.workArea?.code : undefined,
      ver: user.tokenVersion,
    });
    return { ...issued, mustChangePassword: user.mustChangePassword };
  }

  /** The failure counter of a username (canonical), shared by sign-in and changing one's own password. */
  userKey(canonicalUsername: string): string {
    return `user:${this.keyedHash(`user:${canonicalUsername}`)}`;
  }

  /**
   * Checks the current password of a signed-in user before it is changed: counted on the same key as
   * sign-in, claimed before the check, so a stolen token cannot guess its way to the account.
   */
  async checkCurrentPassword(userId: number, password: string): Promise<AdminUser> {
    const user = (await AdminUser.findByPk(userId)) as AdminUser;
    const key = { key: this.userKey(canonicalName(user.username)), limit: this.settings.maxFailures };
    const claim = await this.throttle.claim([key]);
    if (!claim.allowed) throw lockedOut(claim.retryAfterSeconds);
    if (!(await verifyPassword(password, user.passwordHash))) {
      await sleep(Math.min(this.settings.slowdownMs * claim.failures, MAX_SLOWDOWN_MS));
      throw invalid([{ path: 'currentPassword', message: 'is not the current password', code: 'wrong_password' }]);
    }
    await this.throttle.clear(key.key);
    return user;
  }

  /**
   * The user behind a bearer token, checked against the database: the account must still be active,
   * its role, office and work area must be what the token says (a changed role means signing in
   * again), and its password must not have changed since the token was issued.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let claims;
    try {
      claims = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(`${error.message} Please sign in again.`);
      throw error;
    }
    const id = Number(claims.sub);
    const user = Number.isSafeInteger(id) && id > 0 ? await loadUser({ id }) : null;
    if (!user || !user.active) throw unauthorized('This account is not active. Please sign in again.');
    const workAreaCode = user.role === 'coordinator' ? (user.workArea?.code ?? null) : null;
    const unchanged =
      user.role === claims.role && (user.office?.code ?? undefined) === claims.office && (workAreaCode ?? undefined) === claims.workArea;
    if (!unchanged) throw unauthorized('Your access has changed. Please sign in again.');
    if (claims.iat < Math.floor(user.passwordChangedAt.getTime() / 1000)) {
      throw unauthorized('The password was changed after this token was issued. Please sign in again.');
    }
    // Moved on by deactivation, a role or scope change and every password change: a token from before never returns.
    if (claims.ver !== user.tokenVersion) throw unauthorized('Your access has changed. Please sign in again.');
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      officeId: user.officeId,
      officeCode: user.office?.code ?? null,
      workAreaId: workAreaCode ? user.workAreaId : null,
      workAreaCode,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
