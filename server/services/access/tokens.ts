import jwt from 'jsonwebtoken';
import type { Role } from '../../domain/roles.js';
import { isRole } from '../../domain/roles.js';

export const TOKEN_ISSUER = 'pacak-rating';
export const TOKEN_AUDIENCE = 'pacak-api';
export const TOKEN_LIFETIME_SECONDS = 3600;

/** The only algorithm signed and accepted: a token naming any other (`none` included) is refused. */
const ALGORITHM = 'HS256';

/** What a sign-in token says: `sub` is the user id as a string; `office` is absent for a superadmin. */
export interface TokenClaims {
  sub: string;
  role: Role;
  office?: string;
  workArea?: string;
  iat: number;
  exp: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Signs and checks sign-in tokens with JWT_SECRET. */
export class TokenIssuer {
  constructor(
    readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(claims: { sub: string; role: Role; office?: string; workArea?: string }): IssuedToken {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + TOKEN_LIFETIME_SECONDS;
    const payload: Record<string, unknown> = { role: claims.role, iat, exp };
    if (claims.office) payload.office = claims.office;
    if (claims.workArea) payload.workArea = claims.workArea;
    const token = jwt.sign(payload, this.secret, {
      algorithm: ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      subject: claims.sub,
    });
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Checks algorithm, signature, issuer, audience and expiry; throws InvalidTokenError on any doubt. */
  verify(token: string): TokenClaims {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.secret, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(this.now().getTime() / 1000),
      });
    } catch (error) {
      throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'The token has expired.' : 'The token is not valid.');
    }
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || !isRole(payload.role)) {
      throw new InvalidTokenError('The token is not valid.');
    }
    // Only this server signs with the secret, and it never signs a longer life: anything else is forged.
    const { iat, exp } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > TOKEN_LIFETIME_SECONDS) {
      throw new InvalidTokenError('The token is not valid.');
    }
    return {
      sub: payload.sub,
      role: payload.role,
      office: typeof payload.office === 'string' ? payload.office : undefined,
      workArea: typeof payload.workArea === 'string' ? payload.workArea : undefined,
      iat,
      exp,
    };
  }
}
