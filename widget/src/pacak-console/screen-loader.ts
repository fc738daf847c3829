import type { ReactiveControllerHost } from 'lit';
import type { ConsoleContext } from './admin-api.js';
import type { ConsoleRoute } from './routes.js';

type ScreenElement = HTMLElement & { context?: ConsoleContext };

export interface ShownScreen {
  state: 'loading' | 'ready' | 'failed';
  element?: ScreenElement;
}

/**
 * Loads each screen's module on first use and keeps one element per screen while the session lasts,
 * so moving inside a screen (`/admin/employees` to `/admin/employees/123`) keeps what it has read. A
 * screen gets a new context object only when something in it changed (token, language, subpath or
 * query), so it can reload on exactly that.
 */
export class ScreenLoader {
  private states = new Map<string, ShownScreen['state']>();
  private elements = new Map<string, ScreenElement>();
  private keys = new Map<string, string>();

  constructor(private readonly host: ReactiveControllerHost) {}

  show(route: ConsoleRoute, context: ConsoleContext): ShownScreen {
    const { screen } = route;
    const state = this.states.get(screen);
    if (!state) {
      this.states.set(screen, 'loading');
      route.load().then(
        () => this.settle(screen, 'ready'),
        () => this.settle(screen, 'failed'),
      );
      return { state: 'loading' };
    }
    if (state !== 'ready') return { state };
    let element = this.elements.get(screen);
    if (!element) {
      element = document.createElement(`pacak-console-${screen}`) as ScreenElement;
      this.elements.set(screen, element);
    }
    const key = [context.session.token, context.lang, context.subpath, location.search].join('\n');
    if (this.keys.get(screen) !== key || !element.context) {
      this.keys.set(screen, key);
      element.context = context;
    }
    return { state, element };
  }

  /** Signed out: the screens and what they read with the token go. */
  clear(): void {
    this.elements.clear();
    this.keys.clear();
  }

  // A failed chunk (offline, or a new release replaced it) stays failed: the screen offers a reload.
  private settle(screen: string, state: ShownScreen['state']): void {
    this.states.set(screen, state);
    this.host.requestUpdate();
  }
}
