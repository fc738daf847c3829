import { LitElement, html, nothing } from 'lit';
import type { ApiError } from '../api.js';
import { pickLang } from '../i18n.js';
import type { Lang } from '../i18n.js';
import { SessionController } from '../pacak-dashboard/session-controller.js';
import type { Session } from '../pacak-dashboard/session.js';
import { renderSignIn } from '../pacak-dashboard/sign-in.js';
import { AdminApi } from './admin-api.js';
import type { ConsoleContext } from './admin-api.js';
import { consoleStrings } from './console-strings.js';
import type { ConsoleStrings } from './console-strings.js';
import { styles } from './pacak-console.styles.js';
import { allowed, BASE, homeOf, match, pathOf, routes } from './routes.js';
import type { ConsoleRoute } from './routes.js';
import { ExpiryNotice } from './expiry-notice.js';
import { ScreenLoader } from './screen-loader.js';

const scriptOrigin = new URL(import.meta.url).origin;
const LANG_KEY = 'pacak-console:lang';

/**
 * The office's console at `/admin`: sign-in, a menu of what the signed-in role may do, and one screen
 * at a time, each a lazily loaded `<pacak-console-<screen>>` (see routes.ts) given a ConsoleContext.
 * Every view has an address of its own (history routing): any same-origin link under `/admin` inside
 * the console moves without reloading, Back and Forward go through the views, and a copied address
 * opens the same view after sign-in. A session that ends (expiry, 401) brings back the sign-in form
 * with the reason, on the same address.
 *
 * Screens tell the shell of a changed password with `pacak-password-changed` (detail `{ password }`):
 * the old token no longer works, so the shell signs in again with the new one.
 *
 * @csspart header - the bar with the title, the signed-in user, the language switch and sign-out
 * @csspart nav - the menu
 * @csspart main - the screen
 */
export class PacakConsole extends LitElement {
  static override styles = styles;

  static override properties = {
    api: {},
    lang: { reflect: true },
    path: { state: true },
  };

  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  api = scriptOrigin;
  /** `id` or `en`; by default the last choice in this browser, else the page's language. */
  override lang = '';
  /** The address shown: pathname and search. */
  private path = location.pathname + location.search;

  private auth = new SessionController(this, {
    origin: () => this.origin,
    t: () => this.t,
    explain: (failure) => this.explain(failure),
    started: () => this.arrive(),
    ended: () => this.screens.clear(),
  });
  private screens = new ScreenLoader(this);
  private expiry = new ExpiryNotice(this, () => this.auth.session);

  private get t(): ConsoleStrings {
    return consoleStrings[this.language];
  }

  private get language(): Lang {
    return pickLang(this.lang);
  }

  private get origin(): string {
    return (this.api || scriptOrigin).replace(/\/+$/, '');
  }

  private get session(): Session | null {
    return this.auth.session;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.lang) {
      try {
        this.lang = localStorage.getItem(LANG_KEY) ?? '';
      } catch {
        // No storage (a sandboxed frame): the page's language stays.
      }
    }
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
    this.addEventListener('pacak-password-changed', this.onPasswordChanged as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.removeEventListener('click', this.onClick);
    this.removeEventListener('pacak-password-changed', this.onPasswordChanged as EventListener);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('api')) this.auth.restore();
    if (changed.has('lang')) document.documentElement.lang = this.language;
  }

  override render() {
    const t = this.t;
    return html`<div class="shell" lang=${this.language}>
      <a class="skip" href="#main" @click=${this.skip}>${t.skip}</a>
      ${this.renderBar(t)}
      ${this.session ? this.renderSignedIn(t, this.session) : html`<main id="main" tabindex="-1">${renderSignIn({ t, busy: this.auth.busy, message: this.auth.message, onSubmit: (u, p) => void this.signIn(u, p) })}</main>`}
    </div>`;
  }

  private renderBar(t: ConsoleStrings) {
    const session = this.session;
    return html`<header class="bar" part="header">
      <a class="title" href=${BASE}><strong>${t.title}</strong></a>
      <div class="who">
        ${
          session
            ? html`<span data-role=${session.role}>${session.username} · ${t.roles[session.role]}${session.workArea ? ` · ${session.workArea}` : ''}</span>
              <span class="muted" data-expires>${this.expiry.label(t)}</span>
              <a href=${`${BASE}/account`} aria-current=${this.current?.route.screen === 'account' ? 'page' : nothing}>${t.account}</a>`
            : nothing
        }
        <button type="button" class="secondary" lang=${this.language === 'id' ? 'en' : 'id'} aria-label=${t.switchLangLabel} data-switch-lang @click=${this.switchLang}>${t.switchLang}</button>
        ${session ? html`<button type="button" class="secondary" data-sign-out @click=${() => this.auth.end(t.signedOut)}>${t.signOut}</button>` : nothing}
      </div>
    </header>`;
  }

  private renderSignedIn(t: ConsoleStrings, session: Session) {
    const current = this.current;
    const visible = routes.filter((route) => route.nav !== false && allowed(route, session.role));
    const forced = session.mustChangePassword;
    return html`${this.expiry.soon ? html`<p class="notice" role="alert" data-expiring>${t.expiringSoon(this.expiry.minutesLeft)}</p>` : nothing}
      ${
        forced
          ? nothing
          : html`<nav part="nav" aria-label=${t.nav}><ul>
            ${visible.map((route) => html`<li><a href=${pathOf(route)} aria-current=${current?.route === route ? 'page' : nothing}>${route.label[this.language]}</a></li>`)}
          </ul></nav>`
      }
      <main id="main" part="main" tabindex="-1">
        ${forced ? html`<p class="notice" role="alert" data-must-change>${t.mustChange}</p>` : nothing}
        ${this.renderScreen(t, session, current)}
      </main>`;
  }

  private renderScreen(t: ConsoleStrings, session: Session, current: { route: ConsoleRoute; subpath: string } | null) {
    if (!current)
      return html`<h1>${t.title}</h1><p class="notice">${routes.length ? t.notFound : t.nothingHere}</p><p><a href=${BASE}>${t.home}</a></p>`;
    const { route } = current;
    if (!allowed(route, session.role))
      return html`<h1>${route.label[this.language]}</h1><p class="notice" role="alert">${t.notAllowed}</p><p><a href=${BASE}>${t.home}</a></p>`;
    const screen = this.screens.show(route, this.contextFor(session, current.subpath));
    return html`<h1 id="screen-title" tabindex="-1">${route.label[this.language]}</h1>
      ${screen.state === 'loading' ? html`<p class="muted" role="status">${t.loadingScreen}</p>` : nothing}
      ${
        screen.state === 'failed'
          ? html`<div class="notice" role="alert"><p>${t.loadFailed}</p><button type="button" @click=${() => location.reload()}>${t.reload}</button></div>`
          : screen.element
      }`;
  }

  /** The route the address names; `/admin` alone, or the forced password change, names the right one. */
  private get current(): { route: ConsoleRoute; subpath: string } | null {
    const session = this.session;
    if (session?.mustChangePassword) {
      const account = routes.find((route) => route.screen === 'account');
      return account ? { route: account, subpath: '' } : null;
    }
    const pathname = new URL(this.path, location.origin).pathname.replace(/\/+$/, '');
    if (pathname === BASE || pathname === '') {
      const home = session ? homeOf(session.role) : undefined;
      return home ? { route: home, subpath: '' } : null;
    }
    return match(pathname);
  }

  private contextFor(session: Session, subpath: string): ConsoleContext {
    return {
      api: new AdminApi(this.origin, session.token, () => this.auth.end(this.t.expired), this.language),
      session,
      lang: this.language,
      subpath,
      navigate: (path) => this.navigate(path),
    };
  }

  /** Moves to another console address; a path not starting with `/` is under `/admin`. */
  navigate(path: string, replace = false): void {
    const target = path.startsWith('/') ? path : `${BASE}/${path}`;
    if (target === location.pathname + location.search) return;
    const samePage = new URL(target, location.origin).pathname === location.pathname;
    if (replace) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    // A filter written into the query leaves the focus where the person is working.
    this.moved(!samePage);
  }

  private moved(announce = true): void {
    this.path = location.pathname + location.search;
    // A new view is announced by moving the focus to its heading, as a page load would.
    if (announce)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#screen-title')?.focus({ preventScroll: false }));
  }

  private onPopState = (): void => {
    this.path = location.pathname + location.search;
  };

  /** Links inside the console (its own and its screens', through their shadow roots) move without a reload. */
  private onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || !anchor.href) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  };

  private skip = (event: Event): void => {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  };

  private switchLang = (): void => {
    this.lang = this.language === 'id' ? 'en' : 'id';
    try {
      localStorage.setItem(LANG_KEY, this.lang);
    } catch {
      // Not kept: the choice holds for this page only.
    }
  };

  private async signIn(username: string, password: string): Promise<void> {
    if (await this.auth.signIn(username, password)) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name=password]');
    if (field) field.value = '';
  }

  /** Signed in: `/admin` alone becomes the role's first screen, so the address names what is shown. */
  private arrive(): void {
    const session = this.session;
    const pathname = location.pathname.replace(/\/+$/, '');
    if (session && !session.mustChangePassword && (pathname === BASE || pathname === '')) {
      const home = homeOf(session.role);
      if (home) this.navigate(pathOf(home) + location.search, true);
    }
    this.moved();
  }

  private onPasswordChanged = (event: CustomEvent<{ password: string }>): void => {
    const session = this.session;
    if (!session) return;
    void this.auth.signIn(session.username, event.detail.password).then((ok) => ok && this.arrive());
  };

  private explain(failure: ApiError): string {
    return failure.status === 0 ? this.t.loadFailed : (failure.problem.detail ?? failure.problem.title ?? String(failure.status));
  }
}

if (!customElements.get('pacak-console')) customElements.define('pacak-console', PacakConsole);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console': PacakConsole;
  }
  interface HTMLElementEventMap {
    'pacak-password-changed': CustomEvent<{ password: string }>;
  }
}
