import type { ReactiveController, ReactiveControllerHost } from 'lit';

// A kiosk form left half-filled goes back to the picker after this long without a touch.
const KIOSK_IDLE_MS = 120_000;

/** What the clocks need of the element: the view shown, and the way back to the list. */
export interface KioskHost extends ReactiveControllerHost {
  readonly view: string;
  restart(): void;
}

/**
 * The clocks of a counter tablet: the countdown from a receipt to the next customer's turn, and the
 * idle timer that takes a half-filled form back to the list. Both end with the host's `restart`.
 */
export class KioskController implements ReactiveController {
  /** Seconds left before the next customer's turn; 0 when no countdown runs. */
  countdown = 0;
  private timer?: ReturnType<typeof setInterval>;
  private idle?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: KioskHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The customer did something: the idle timer starts again. */
  touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.host.view === 'form' && this.host.restart(), KIOSK_IDLE_MS);
  }

  /** Counts down from `seconds`, shown on the receipt, then restarts. */
  countDown(seconds: number): void {
    this.countdown = seconds;
    this.timer = setInterval(() => {
      this.host.requestUpdate();
      this.countdown -= 1;
      if (!this.countdown) this.host.restart();
    }, 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.idle);
    this.countdown = 0;
  }
}
