import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { AdminUser, Office, WorkArea } from '../../db/models/index.js';
import { tooManyRequests, unauthorized } from '../../domain/problem.js';
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
  async signIn(body: SignInBody, ipHash: string | null): Promise<IssuedToken> {
    const username = body.username.toLowerCase();
    const userKey = `user:${this.keyedHash(`user:${username}`)}`;
    const keys = [{ key: userKey, limit: this.settings.maxFailures }];
    if (ipHash) keys.push({ key: `addr:${ipHash}`, limit: this.settings.maxFailuresPerAddress });

    const lockedFor = await this.throttle.lockedFor(keys.map(({ key }) => key));
    if (lockedFor) {
      const minutes = Math.ceil(lockedFor / 60);
      throw tooManyRequests(lockedFor, `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
    }

    const user = await loadUser({ username });
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches || !user.active) {
      const failures = await this.throttle.recordFailure(keys);
      await sleep(Math.min(this.settings.slowdownMs * failures, MAX_SLOWDOWN_MS));
      throw unauthorized(WRONG);
    }
    await this.throttle.clear(userKey);
    await AdminUser.update({ lastSignInAt: new Date() }, { where: { id: user.id } });
    return this.tokens.issue({
      sub: String(user.id),
      role: user.role,
      office: user.office?.code,
      workArea: user.role === 'coordinator' ? user.workArea?.code : undefined,
    });
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
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      officeId: user.officeId,
      officeCode: user.office?.code ?? null,
      workAreaId: workAreaCode ? user.workAreaId : null,
      workAreaCode,
    };
  }
}
