import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';

/** The words of the form; the dashboard's and the console's strings both have them. */
export type SignInStrings = Pick<DashboardStrings, 'signInTitle' | 'signInHint' | 'username' | 'password' | 'signIn' | 'signingIn'>;

export interface SignInOptions {
  t: SignInStrings;
  busy: boolean;
  /** Why the person is here again (the session ended) or what went wrong with the last try. */
  message: string;
  onSubmit: (username: string, password: string) => void;
}

/** A native sign-in form, so password managers fill it and the browser offers to save it. */
export function renderSignIn({ t, busy, message, onSubmit }: SignInOptions): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    onSubmit(String(data.get('username') ?? '').trim(), String(data.get('password') ?? ''));
  };
  return html`<section class="card sign-in" aria-labelledby="sign-in-title" part="sign-in">
    <h2 id="sign-in-title">${t.signInTitle}</h2>
    <p class="muted">${t.signInHint}</p>
    <p class="notice" role="alert" ?hidden=${!message}>${message}</p>
    <form @submit=${submit}>
      <label>${t.username}<input name="username" autocomplete="username" required autocapitalize="none" spellcheck="false" /></label>
      <label>${t.password}<input name="password" type="password" autocomplete="current-password" required /></label>
      <button type="submit" ?disabled=${busy}>${busy ? t.signingIn : t.signIn}</button>
    </form>
  </section>`;
}
