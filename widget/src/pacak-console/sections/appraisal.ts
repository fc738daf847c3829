import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { adminStyles } from '../admin/admin.styles.js';

type PeriodKind = 'monthly' | 'quarterly' | 'half-yearly';
type Part = 'customers' | 'attendance' | 'skp';

interface RuleSet {
  effectiveFrom: string;
  periodKind: PeriodKind;
  mapping: Record<string, string[]>;
  weights: Record<Part, number>;
  combined: unknown;
  minRatings: number;
  setByOffice: boolean;
  createdAt?: string | null;
}

interface RulesAnswer {
  sets: RuleSet[];
  defaults: RuleSet;
}

const KINDS: readonly [PeriodKind, string, string][] = [
  ['monthly', 'Bulanan', 'Monthly'],
  ['quarterly', 'Triwulanan', 'Quarterly'],
  ['half-yearly', 'Semesteran', 'Half-yearly'],
];

const PARTS: readonly [Part, string, string][] = [
  ['customers', 'Penilaian pelanggan', "Customers' ratings"],
  ['attendance', 'Kehadiran', 'Attendance'],
  ['skp', 'Hasil kerja SKP', 'SKP work result'],
];

/** Tomorrow in the browser's day: the earliest a new set may usually take effect. */
function tomorrow(): string {
  const day = new Date(Date.now() + 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * The office's appraisal settings for E-Kinerja: the periodic evaluation, the weights of the combined
 * score and the fewest ratings a behaviour suggestion needs. A change is a new set of rules from a day
 * after the latest one (the server refuses to rewrite history), so past periods keep their figures;
 * the BerAKHLAK mapping and the combined score's other rules carry over. Admins only.
 */
export class PacakConsoleAppraisal extends AdminScreen {
  static override properties = { ...AdminScreen.properties, rules: { state: true } };
  static override styles = [
    adminStyles,
    css`
      fieldset {
        border: 1px solid var(--pacak-border, #cbd2d9);
        border-radius: 0.5em;
        margin: 0;
        padding: 0.5em 0.75em 0.75em;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25em;
      }
    `,
  ];

  protected readonly roles = ['admin'] as const;
  declare rules: RulesAnswer | null;

  constructor() {
    super();
    this.rules = null;
  }

  protected async load(): Promise<void> {
    const rules = await this.run(() => this.context.api.get<RulesAnswer>('/admin/appraisal-rules'));
    if (rules) this.rules = rules;
  }

  /** The latest set, or PACAK's defaults until the office sets its own. */
  get #current(): RuleSet | null {
    return this.rules ? (this.rules.sets[0] ?? this.rules.defaults) : null;
  }

  #kindName(kind: PeriodKind): string {
    const found = KINDS.find(([code]) => code === kind);
    return found ? this.t(found[1], found[2]) : kind;
  }

  #weightError(part: Part): string | undefined {
    return this.failure?.fields[`weights.${part}`];
  }

  protected renderScreen(): TemplateResult {
    const current = this.#current;
    const weightsError = this.failure?.fields.weights;
    return html`<div class="grid">
      <section class="card" aria-labelledby="appraisal-title">
        <h2 id="appraisal-title">${this.t('Pengaturan penilaian kinerja (E-Kinerja)', 'Appraisal settings (E-Kinerja)')}</h2>
        ${
          current
            ? html`<p class="hint" id="appraisal-current">
                ${
                  current.setByOffice
                    ? this.t(
                        `Aturan kantor berlaku sejak ${current.effectiveFrom}.`,
                        `The office's rules in force since ${current.effectiveFrom}.`,
                      )
                    : this.t(
                        'Kantor belum menetapkan aturan: bawaan PACAK berlaku.',
                        "The office has set no rules yet: PACAK's defaults hold.",
                      )
                }
                ${this.t(
                  'Perubahan berlaku mulai tanggal yang dipilih; periode sebelumnya tetap dihitung dengan aturan lamanya.',
                  'A change takes effect from the chosen day; earlier periods keep being computed by the rules of their time.',
                )}
              </p>
              <form class="fields" @submit=${this.#save} aria-describedby="appraisal-current">
                <div class="field">
                  <label for="effective-from">${this.t('Berlaku mulai', 'Takes effect on')}</label>
                  <input id="effective-from" name="effectiveFrom" type="date" required .value=${tomorrow()}
                    aria-describedby=${this.describedBy('effectiveFrom', 'effective-from')} />
                  ${this.fieldError('effectiveFrom', 'effective-from')}
                </div>
                <div class="field">
                  <label for="period-kind">${this.t('Evaluasi periodik', 'Periodic evaluation')}</label>
                  <select id="period-kind" name="periodKind">
                    ${KINDS.map(([code, id, en]) => html`<option value=${code} ?selected=${code === current.periodKind}>${this.t(id, en)}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="min-ratings">${this.t('Penilaian paling sedikit', 'Fewest ratings')}</label>
                  <input id="min-ratings" name="minRatings" type="number" inputmode="numeric" min="1" max="1000" step="1" required
                    .value=${String(current.minRatings)} aria-describedby="min-ratings-hint${this.failure?.fields.minRatings ? ' min-ratings-error' : ''}" />
                  <p class="hint" id="min-ratings-hint">${this.t('Untuk saran perilaku dan bagian pelanggan dari nilai gabungan.', "For the behaviour suggestion and the customers' part of the combined score.")}</p>
                  ${this.fieldError('minRatings', 'min-ratings')}
                </div>
                <fieldset class="field wide" aria-describedby="weights-hint${weightsError ? ' weights-error' : ''}">
                  <legend>${this.t('Bobot nilai gabungan', 'Weights of the combined score')}</legend>
                  <p class="hint" id="weights-hint">
                    ${this.t(
                      'Angka tidak negatif, tidak semuanya nol; hanya perbandingannya yang dihitung, atas bagian yang datanya ada.',
                      'Numbers not below zero, not all zero; only their ratio counts, over the parts that have data.',
                    )}
                  </p>
                  <div class="fields">
                    ${PARTS.map(
                      ([part, id, en]) => html`<div class="field">
                        <label for="weight-${part}">${this.t(id, en)}</label>
                        <input id="weight-${part}" name="weight-${part}" type="number" inputmode="decimal" min="0" max="1000" step="any" required
                          .value=${String(current.weights[part])} aria-invalid=${this.#weightError(part) || weightsError ? 'true' : 'false'}
                          aria-describedby=${this.describedBy(`weights.${part}`, `weight-${part}`)} />
                        ${this.fieldError(`weights.${part}`, `weight-${part}`)}
                      </div>`,
                    )}
                  </div>
                  ${this.fieldError('weights', 'weights')}
                </fieldset>
                <button type="submit" ?disabled=${this.busy}>${this.t('Simpan aturan baru', 'Save new rules')}</button>
              </form>`
            : ''
        }
        ${this.renderStatus()}
      </section>
      <section class="card" aria-labelledby="appraisal-history-title">
        <h2 id="appraisal-history-title">${this.t('Riwayat aturan', 'Rules over time')}</h2>
        ${
          this.rules?.sets.length
            ? html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Riwayat aturan', 'Rules over time'))}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${this.t('Berlaku mulai', 'In force from')}</th>
                      <th scope="col">${this.t('Evaluasi periodik', 'Periodic evaluation')}</th>
                      ${PARTS.map(([, id, en]) => html`<th scope="col" class="num">${this.t(`Bobot ${id.toLowerCase()}`, `${en} weight`)}</th>`)}
                      <th scope="col" class="num">${this.t('Penilaian paling sedikit', 'Fewest ratings')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.rules.sets.map(
                      (set) => html`<tr data-from=${set.effectiveFrom}>
                        <td>${set.effectiveFrom}</td>
                        <td>${this.#kindName(set.periodKind)}</td>
                        ${PARTS.map(([part]) => html`<td class="num">${set.weights[part]}</td>`)}
                        <td class="num">${set.minRatings}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : html`<p>${this.t('Belum ada aturan kantor.', 'No office rules yet.')}</p>`
        }
      </section>
    </div>`;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const current = this.#current;
    if (!current) return;
    const data = new FormData(event.target as HTMLFormElement);
    const number = (name: string) => {
      const text = String(data.get(name) ?? '').trim();
      return text === '' ? Number.NaN : Number(text);
    };
    const body = {
      effectiveFrom: String(data.get('effectiveFrom') ?? ''),
      periodKind: String(data.get('periodKind') ?? current.periodKind),
      mapping: current.mapping,
      weights: Object.fromEntries(PARTS.map(([part]) => [part, number(`weight-${part}`)])),
      combined: current.combined,
      minRatings: number('minRatings'),
    };
    const saved = await this.run(
      () => this.context.api.post<RuleSet>('/admin/appraisal-rules', body),
      this.t(`Aturan baru disimpan, berlaku mulai ${body.effectiveFrom}.`, `New rules saved, in force from ${body.effectiveFrom}.`),
    );
    if (saved && this.rules) this.rules = { ...this.rules, sets: [saved, ...this.rules.sets] };
  }
}

if (!customElements.get('pacak-console-appraisal')) customElements.define('pacak-console-appraisal', PacakConsoleAppraisal);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-appraisal': PacakConsoleAppraisal;
  }
}
