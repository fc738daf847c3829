import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asApiError } from '../api.js';
import type { ApiError } from '../api.js';
import { signIn } from './dashboard-api.js';
import type { DashboardStrings } from './dashboard-strings.js';
import { expired, loadSession, saveSession, sessionOf } from './session.js';
import type { Session } from './session.js';

/** The words the session itself says; the dashboard's and the console's strings both have them. */
export type SessionStrings = Pick<DashboardStrings, 'expired' | 'wrongPassword' | 'locked'>;

/** What the session needs from the element: the server, words, and what to do when it starts or ends. */
export interface SessionContext {
  origin(): string;
  t(): SessionStrings;
  explain(failure: ApiError): string;
  started(): void;
  ended(): void;
}

/**
 * Signing in and out. The token is kept for this tab only (sessionStorage) and dropped when it
 * expires, on a timer set from `expiresAt`, or as soon as any request answers 401; either way the
 * person is back at the sign-in form with a message saying why.
 */
export class SessionController implements ReactiveController {
  session: Session | null = null;
  /** Shown on the sign-in form: why the person is there again, or what went wrong. */
  message = '';
  busy = false;
  private expiry?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: SessionContext,
  ) {
    host.addController(this);
  }

  // An element moved in the page is disconnected and connected again: the timer goes and comes back with it.
  hostConnected(): void {
    if (this.session) this.arm(this.session);
  }

  hostDisconnected(): void {
    clearTimeout(this.expiry);
  }

  /** Takes up the session this tab kept for the server, or says it has ended. */
  restore(): void {
    const origin = this.context.origin();
    const saved = loadSession(origin);
    if (saved && !expired(saved)) return this.begin(saved);
    this.session = null;
    if (saved) {
      saveSession(origin, null);
      this.message = this.context.t().expired;
    }
    this.host.requestUpdate();
  }

  async signIn(username: string, password: string): Promise<boolean> {
    const t = this.context.t();
    this.busy = true;
    this.message = '';
    this.host.requestUpdate();
    try {
      const answer = await signIn(this.context.origin(), username, password);
      const session = sessionOf(answer.token, answer.expiresAt, username, answer.mustChangePassword === true);
      if (!session) throw new Error('unreadable token');
      this.begin(session);
      return true;
    } catch (error) {
      const failure = asApiError(error);
      this.message =
        failure.status === 401
          ? t.wrongPassword
          : failure.status === 429
            ? t.locked(Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60)))
            : this.context.explain(failure);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Back to the sign-in form with a message; the element drops everything it read with the token. */
  end(message: string): void {
    if (!this.session) return;
    clearTimeout(this.expiry);
    saveSession(this.context.origin(), null);
    this.session = null;
    this.message = message;
    this.context.ended();
    this.host.requestUpdate();
  }

  private begin(session: Session): void {
    this.session = session;
    this.message = '';
    saveSession(this.context.origin(), session);
    this.arm(session);
    this.host.requestUpdate();
    this.context.started();
  }

  private arm(session: Session): void {
    clearTimeout(this.expiry);
    // setTimeout holds at most about 24.8 days; a token lives an hour.
    const left = Math.min(Date.parse(session.expiresAt) - Date.now(), 2 ** 31 - 1);
    this.expiry = setTimeout(() => this.end(this.context.t().expired), left);
  }
}
