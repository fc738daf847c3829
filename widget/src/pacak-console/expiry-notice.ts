import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../pacak-dashboard/session.js';
import type { ConsoleStrings } from './console-strings.js';

/** How long before the end the console warns: long enough to save a form. */
const WARN_MINUTES = 5;
const TICK_MS = 30_000;

/**
 * When the session ends, shown in the bar all along and as an alert in its last minutes, so nobody
 * loses a half-filled form to an expiry they could not see coming. The end itself is the session
 * controller's: it brings back the sign-in form with the reason.
 */
export class ExpiryNotice implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => Session | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.session() && this.host.requestUpdate(), TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  get minutesLeft(): number {
    const session = this.session();
    return session ? Math.max(0, Math.ceil((Date.parse(session.expiresAt) - Date.now()) / 60_000)) : 0;
  }

  get soon(): boolean {
    return this.session() !== null && this.minutesLeft <= WARN_MINUTES;
  }

  label(t: ConsoleStrings): string {
    const session = this.session();
    if (!session) return '';
    const time = new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(session.expiresAt));
    return t.expiresAt(time);
  }
}
