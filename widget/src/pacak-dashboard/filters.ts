import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import { PRESETS } from './period.js';
import type { Preset } from './period.js';
import type { Named } from '../../../contract/index.js';

export interface FilterState {
  preset: Preset;
  from: string;
  to: string;
  workArea: string;
  serviceType: string;
  verified: boolean;
  /** What orders the ranking: the customers' Bayesian average, or the combined score. */
  orderBy: RankingOrder;
}

export type RankingOrder = 'bayesian' | 'combined';

export interface FiltersOptions {
  t: DashboardStrings;
  state: FilterState;
  /** Null hides the work-area choice: a coordinator's reports are always their own work area. */
  workAreas: Named[] | null;
  serviceTypes: Named[];
  /** Why the dates cannot be used, shown beside them. */
  error: string;
  onChange: (change: Partial<FilterState>) => void;
}

/**
 * The period (a preset, or two dates) and the filters. Every change applies at once; there is no
 * submit button to forget. Native controls, so keyboards, screen readers and phones know them.
 */
export function renderFilters({ t, state, workAreas, serviceTypes, error, onChange }: FiltersOptions): TemplateResult {
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<form class="filters" part="filters" aria-label=${t.filters} @submit=${(e: Event) => e.preventDefault()}>
    <label>${t.period}
      <select name="preset" @change=${(e: Event) => onChange({ preset: value(e) as Preset })}>
        ${PRESETS.map((preset) => html`<option value=${preset} ?selected=${preset === state.preset}>${t.presets[preset]}</option>`)}
      </select>
    </label>
    <label>${t.from}
      <input type="date" name="from" required .value=${state.from} aria-invalid=${error ? 'true' : 'false'} aria-describedby="period-error"
        @change=${(e: Event) => onChange({ preset: 'custom', from: value(e) })} />
    </label>
    <label>${t.to}
      <input type="date" name="to" required .value=${state.to} aria-invalid=${error ? 'true' : 'false'} aria-describedby="period-error"
        @change=${(e: Event) => onChange({ preset: 'custom', to: value(e) })} />
    </label>
    ${
      workAreas
        ? html`<label>${t.workArea}
          <select name="workArea" @change=${(e: Event) => onChange({ workArea: value(e) })}>
            <option value="">${t.allWorkAreas}</option>
            ${workAreas.map((area) => html`<option value=${area.code} ?selected=${area.code === state.workArea}>${area.name}</option>`)}
          </select>
        </label>`
        : nothing
    }
    <label>${t.serviceType}
      <select name="serviceType" @change=${(e: Event) => onChange({ serviceType: value(e) })}>
        <option value="">${t.allServiceTypes}</option>
        ${serviceTypes.map((type) => html`<option value=${type.code} ?selected=${type.code === state.serviceType}>${type.name}</option>`)}
      </select>
    </label>
    <label class="check">
      <input type="checkbox" name="verified" .checked=${state.verified} @change=${(e: Event) => onChange({ verified: (e.target as HTMLInputElement).checked })} />
      ${t.verifiedOnly}
    </label>
    <p id="period-error" class="error" role="alert">${error}</p>
  </form>`;
}
