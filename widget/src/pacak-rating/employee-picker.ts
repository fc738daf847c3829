import { LitElement, html, nothing } from 'lit';
import type { Named, OfficeEmployees, Roster } from '../../../contract/index.js';
import { nameMatches } from '../../../contract/search.js';
import { call, CODE_REF } from '../api.js';
import { addBackStyles, styles } from './employee-picker.styles.js';

// A counter tablet's clocks come with its list: only kiosk mode uses them.
export { KioskController } from './kiosk-controller.js';

/**
 * "Who served you?": the list a customer picks an employee from, for a counter tablet (`kiosk`: the
 * work area of its key, by NIP) and for an office's page (`office`: its employees, by public code).
 * A chunk of its own, fetched only by a form that has no employee yet, so the one-employee form stays small.
 */

/** One person to pick; `ref` is what the form loads: a NIP (kiosk) or `code:<public code>` (office). */
export interface PickEntry {
  ref: string;
  name: string;
  position: string;
  photoUrl: string | null;
  area?: Named;
}

export interface PickList {
  /** The work area (kiosk) or the office (office page) the list is of. */
  title: string;
  /** Work areas to filter by; empty when there is nothing to choose between. */
  areas: Named[];
  entries: PickEntry[];
}

/** The list for a kiosk key or an office code, from the server at `origin`. */
export async function pickList(origin: string, from: { kioskKey: string } | { office: string }): Promise<PickList> {
  const base = `${origin.replace(/\/+$/, '')}/api/v1`;
  if ('kioskKey' in from) {
    const roster = await call<Roster>(`${base}/kiosk/employees`, { headers: { 'X-Kiosk-Key': from.kioskKey } });
    return { title: roster.workArea.name, areas: [], entries: roster.employees.map((e) => ({ ...e, ref: e.nip })) };
  }
  const list = await call<OfficeEmployees>(`${base}/offices/${encodeURIComponent(from.office)}/employees`);
  return {
    title: list.office.name,
    areas: list.workAreas.length > 1 ? list.workAreas : [],
    entries: list.employees.map(({ code, workArea, ...e }) => ({ ...e, ref: `${CODE_REF}${code}`, area: workArea })),
  };
}

// The picker's own words: a chunk of its own carries them, so the form's strings do not grow.
const WORDS = {
  id: {
    pick: 'Siapa yang melayani Anda?',
    change: 'Ganti petugas',
    badKey: 'Kunci kios tidak berlaku. Hubungi administrator.',
    search: 'Cari nama',
    area: 'Wilayah kerja',
    all: 'Semua wilayah kerja',
    count: (n: number) => `${n} petugas`,
    none: 'Tidak ada petugas yang cocok. Ubah pencarian Anda.',
  },
  en: {
    pick: 'Who served you?',
    change: 'Choose another officer',
    badKey: 'This kiosk key is not valid. Please contact the administrator.',
    search: 'Search by name',
    area: 'Work area',
    all: 'All work areas',
    count: (n: number) => `${n} ${n === 1 ? 'officer' : 'officers'}`,
    none: 'No officer matches. Change your search.',
  },
};

/** The picker's words (and its way back), in the form's language. */
export const pickerWords = (lang: string) => WORDS[lang === 'en' ? 'en' : 'id'];

/** The list in the form's card; `onPick` gets the chosen entry's `ref`. */
export function renderPicker(list: PickList, origin: string, lang: string, big: boolean, onPick: (ref: string) => void) {
  return html`<pacak-picker
    exportparts="picker,pick"
    .list=${list}
    .origin=${origin}
    lang=${lang}
    ?big=${big}
    @pacak-pick=${(event: CustomEvent<string>) => onPick(event.detail)}
  ></pacak-picker>`;
}

/** From a picked employee's form (or one that would not load) back to the list. */
export function renderBack(host: LitElement, lang: string, onBack: () => void) {
  addBackStyles(host);
  return html`<button type="button" class="alt" part="back" @click=${onBack}>${pickerWords(lang).change}</button>`;
}

/** Two letters for a missing photo: the first of the name's first two words, titles ("dr.", "Ns.") and degrees left out. */
export function initials(name: string): string {
  const words = (name.split(',')[0] ?? '').split(/\s+/).filter((word) => word && !word.endsWith('.'));
  return words
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

/** Fires `pacak-pick` with the chosen entry's `ref` as its detail. */
export class PacakPicker extends LitElement {
  static override properties = {
    list: { attribute: false },
    lang: {},
    origin: {},
    big: { type: Boolean },
    query: { state: true },
    area: { state: true },
    broken: { state: true },
  };

  list: PickList = { title: '', areas: [], entries: [] };
  override lang = 'id';
  origin = '';
  /** A counter tablet: photos in a grid of large targets. */
  big = false;
  private query = '';
  private area = '';
  /** Photos that would not load: their initials instead. */
  private broken = new Set<string>();

  /** Focus goes to the heading, not to the search field: a phone's keyboard stays closed. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const words = pickerWords(this.lang);
    const { title, areas, entries } = this.list;
    const shown = entries.filter((e) => (!this.area || e.area?.code === this.area) && nameMatches(e.name, this.query));
    const filtering = this.query !== '' || this.area !== '';
    return html`<h2 tabindex="-1">${words.pick}</h2>
      <p class="muted">${title}</p>
      <div class="tools">
        ${
          entries.length > 6
            ? html`<label
              >${words.search}
              <input
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                .value=${this.query}
                @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
            /></label>`
            : nothing
        }
        ${
          areas.length
            ? html`<label
              >${words.area}
              <select @change=${(event: Event) => (this.area = (event.target as HTMLSelectElement).value)}>
                <option value="">${words.all}</option>
                ${areas.map((a) => html`<option value=${a.code} ?selected=${a.code === this.area}>${a.name}</option>`)}
              </select></label
            >`
            : nothing
        }
      </div>
      <p class="muted" role="status">${filtering ? (shown.length ? words.count(shown.length) : words.none) : ''}</p>
      <ul part="picker">
        ${shown.map(
          (e) => html`<li>
            <button type="button" part="pick" @click=${() => this.dispatchEvent(new CustomEvent('pacak-pick', { detail: e.ref }))}>
              ${this.face(e)}<span><b>${e.name}</b><span class="muted">${e.position}${e.area ? ` · ${e.area.name}` : ''}</span></span>
            </button>
          </li>`,
        )}
      </ul>`;
  }

  private face(e: PickEntry) {
    if (!e.photoUrl || this.broken.has(e.ref)) return html`<span class="face" aria-hidden="true">${initials(e.name)}</span>`;
    // A photo path from the server is relative to the server, not to the page the widget sits in.
    return html`<img
      class="face"
      src=${new URL(e.photoUrl, this.origin).href}
      alt=""
      loading="lazy"
      @error=${() => (this.broken = new Set([...this.broken, e.ref]))}
    />`;
  }

  static override styles = styles;
}

if (!customElements.get('pacak-picker')) customElements.define('pacak-picker', PacakPicker);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-picker': PacakPicker;
  }
}
