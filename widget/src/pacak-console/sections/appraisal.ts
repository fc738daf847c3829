import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { adminStyles } from '../admin/admin.styles.js';

type PeriodKind = 'monthly' | 'quarterly' | 'half-yearly';
type Part = 'customers' | 'attendance' | 'skp';

interface CombinedRules {
  required: Part[];
  attendancePenalty: { latePerHour: number; earlyLeavePerHour: number };
  skpValues: { below: number; meeting: number; above: number };
}

interface RuleSet {
  effectiveFrom: string;
  periodKind: PeriodKind;
  mapping: Record<string, string[]>;
  weights: Record<Part, number>;
  combined: CombinedRules;
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

const PENALTIES: readonly [keyof CombinedRules['attendancePenalty'], string, string][] = [
  ['latePerHour', 'Per jam terlambat', 'Per hour late'],
  ['earlyLeavePerHour', 'Per jam pulang cepat', 'Per hour left early'],
];

const SKP_LEVELS: readonly [keyof CombinedRules['skpValues'], string, string][] = [
  ['below', 'Di bawah ekspektasi', 'Below expectations'],
  ['meeting', 'Sesuai ekspektasi', 'Meeting expectations'],
  ['above', 'Di atas ekspektasi', 'Above expectations'],
];

/** Tomorrow in the browser's day: the earliest a new set may usually take effect. */
function tomorrow(): string {
  const day = new Date(Date.now() + 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * The office's appraisal settings for E-Kinerja: the periodic evaluation, the combined score's weights
 * and rules (required parts, attendance penalties, the SKP levels' values) and the fewest ratings a
 * behaviour suggestion needs. A change is a new set of rules from a day after the latest one (the
 * server refuses to rewrite history), so past periods keep their figures; the BerAKHLAK mapping
 * carries over. Admins only.
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
      div.fields {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
      }
      label.check {
        display: flex;
        gap: 0.5em;
        align-items: center;
        font-weight: normal;
        min-height: 2.75em;
      }
      label.check input {
        width: 1.25em;
        height: 1.25em;
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
                ${this.#combinedFields(current.combined)}
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
                      <th scope="col">${this.t('Aturan nilai gabungan', 'Combined score rules')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.rules.sets.map(
                      (set) => html`<tr data-from=${set.effectiveFrom}>
                        <td>${set.effectiveFrom}</td>
                        <td>${this.#kindName(set.periodKind)}</td>
                        ${PARTS.map(([part]) => html`<td class="num">${set.weights[part]}</td>`)}
                        <td class="num">${set.minRatings}</td>
                        <td>${this.#rulesText(set.combined)}</td>
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

  #rulesText(combined: CombinedRules): string {
    const parts = PARTS.filter(([part]) => combined.required.includes(part)).map(([, id, en]) => this.t(id, en).toLowerCase());
    const { latePerHour, earlyLeavePerHour } = combined.attendancePenalty;
    const { below, meeting, above } = combined.skpValues;
    return this.t(
      `wajib: ${parts.join(', ') || '-'}; potongan ${latePerHour}/jam terlambat, ${earlyLeavePerHour}/jam pulang cepat; SKP ${below}/${meeting}/${above}`,
      `required: ${parts.join(', ') || '-'}; ${latePerHour} per hour late, ${earlyLeavePerHour} per hour left early; SKP ${below}/${meeting}/${above}`,
    );
  }

  /** The combined score's other rules: the parts it cannot do without, the attendance penalties, the SKP levels' values. */
  #combinedFields(combined: CombinedRules): TemplateResult {
    const requiredError = this.failure?.fields['combined.required'];
    const points = (path: string, id: string, label: string, value: number) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} name=${id} type="number" inputmode="decimal" min="0" max="100" step="any" required .value=${String(value)}
          aria-invalid=${this.failure?.fields[path] ? 'true' : 'false'} aria-describedby=${this.describedBy(path, id)} />
        ${this.fieldError(path, id)}
      </div>`;
    return html`<fieldset class="field wide" aria-describedby="required-hint${requiredError ? ' required-error' : ''}">
        <legend>${this.t('Bagian wajib', 'Required parts')}</legend>
        <p class="hint" id="required-hint">
          ${this.t(
            'Tanpa data bagian wajib (yang bobotnya di atas nol), pegawai tidak mendapat nilai gabungan: "data belum cukup", bukan nol.',
            'Without data for a required part (weighing above zero) an employee gets no combined score: "not enough data", never a zero.',
          )}
        </p>
        <div class="fields">
          ${PARTS.map(([part, id, en]) => {
            const checked = combined.required.includes(part);
            return html`<label class="check"><input type="checkbox" name="required-${part}" ?checked=${checked} />${this.t(`${id} wajib`, `${en} required`)}</label>`;
          })}
        </div>
        ${this.fieldError('combined.required', 'required')}
      </fieldset>
      <fieldset class="field wide" aria-describedby="penalty-hint">
        <legend>${this.t('Potongan nilai kehadiran', 'Attendance penalties')}</legend>
        <p class="hint" id="penalty-hint">${this.t('Poin (0-100) yang dikurangkan dari bagian kehadiran.', 'Points (0-100) taken off the attendance part.')}</p>
        <div class="fields">
          ${PENALTIES.map(([key, id, en]) => points(`combined.attendancePenalty.${key}`, `penalty-${key}`, this.t(id, en), combined.attendancePenalty[key]))}
        </div>
      </fieldset>
      <fieldset class="field wide" aria-describedby="skp-hint">
        <legend>${this.t('Nilai hasil kerja SKP', 'Values of the SKP work result')}</legend>
        <p class="hint" id="skp-hint">${this.t('Nilai 0-100 tiap tingkat hasil kerja dalam nilai gabungan.', "Each work-result level's value 0-100 in the combined score.")}</p>
        <div class="fields">
          ${SKP_LEVELS.map(([key, id, en]) => points(`combined.skpValues.${key}`, `skp-${key}`, this.t(id, en), combined.skpValues[key]))}
        </div>
      </fieldset>`;
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
      combined: {
        required: PARTS.filter(([part]) => data.get(`required-${part}`) !== null).map(([part]) => part),
        attendancePenalty: Object.fromEntries(PENALTIES.map(([key]) => [key, number(`penalty-${key}`)])),
        skpValues: Object.fromEntries(SKP_LEVELS.map(([key]) => [key, number(`skp-${key}`)])),
      },
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
