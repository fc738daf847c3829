import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import { average, count, grade, score } from './format.js';
import { INDICATORS } from './indicators.js';
import type { EmployeeRow, GroupRow, RankedRow } from '../../../contract/index.js';

export type SortKey = 'rank' | 'name' | 'workArea' | 'count' | 'score';

export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** A plain table of text: the data behind a chart, or any small listing. */
export function dataTable(caption: string, headers: string[], rows: string[][]): TemplateResult {
  return html`<table>
    <caption>${caption}</caption>
    <thead><tr>${headers.map((header) => html`<th scope="col">${header}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** A wide table scrolls sideways on a phone; the scrolling box is focusable so keyboards can scroll it too. */
export const scrollBox = (label: string, table: TemplateResult): TemplateResult =>
  html`<div class="scroll" tabindex="0" role="region" aria-label="${label}">${table}</div>`;

const value = (row: EmployeeRow | RankedRow, key: SortKey): number | string => {
  switch (key) {
    case 'rank':
      return 'rank' in row ? row.rank : 0;
    case 'name':
      return row.name;
    case 'workArea':
      return row.workArea.name;
    case 'count':
      return row.count;
    case 'score':
      return row.score ?? -1;
  }
};

export function sortRows<T extends EmployeeRow>(rows: T[], sort: Sort): T[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return sign * order || a.name.localeCompare(b.name);
  });
}

export interface StaffTableOptions {
  t: DashboardStrings;
  caption: string;
  rows: EmployeeRow[] | RankedRow[];
  ranked: boolean;
  /** Ranked by the combined score: its column comes right after the name. */
  combined?: boolean;
  sort: Sort;
  onSort: (key: SortKey) => void;
  onOpen: (nip: string) => void;
  /** With an address per employee, names are links (a new tab, a bookmark); otherwise buttons. */
  hrefOf?: (nip: string) => string;
}

/**
 * Staff with their figures; the column headers sort, each name opens that employee's page. The
 * columns a leader reads first come first, so on a phone the table scrolls sideways only for the rest.
 */
export function staffTable({
  t,
  caption,
  rows,
  ranked,
  combined = false,
  sort,
  onSort,
  onOpen,
  hrefOf,
}: StaffTableOptions): TemplateResult {
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return html`<th scope="col" aria-sort=${active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" @click=${() => onSort(key)}>${label}<span aria-hidden="true" class="arrow">${
        active ? (sort.descending ? '▼' : '▲') : '↕'
      }</span></button>
    </th>`;
  };
  return scrollBox(
    caption,
    html`<table class="staff">
      <caption class="visually-hidden">${caption}</caption>
      <thead><tr>
        ${ranked ? header('rank', t.rank) : nothing}${header('name', t.name)}${combined ? html`<th scope="col">${t.combinedScore}</th>` : nothing}${header('score', t.score)}<th scope="col">${t.grade}</th>
        ${header('count', t.count)}${header('workArea', t.workArea)}${ranked ? html`<th scope="col">${t.bayesian}</th>` : nothing}
      </tr></thead>
      <tbody>${sortRows<EmployeeRow>(rows, sort).map(
        (row) => html`<tr data-nip=${row.nip}>
          ${ranked ? html`<td class="num">${(row as RankedRow).rank}</td>` : nothing}
          <th scope="row">${
            hrefOf
              ? html`<a class="link" data-nip=${row.nip} href=${hrefOf(row.nip)}>${row.name}</a>`
              : html`<button type="button" class="link" data-nip=${row.nip} @click=${() => onOpen(row.nip)}>${row.name}</button>`
          }</th>
          ${combined ? html`<td class="num" data-col="combined">${score(row.kinerja?.combinedScore ?? null, t)}</td>` : nothing}
          <td class="num" data-col="score">${score(row.score, t)}</td>
          <td data-col="grade">${grade(row, t)}</td>
          <td class="num" data-col="count">${count(row.count, t)}</td>
          <td>${row.workArea.name}</td>
          ${ranked ? html`<td class="num">${average((row as RankedRow).bayesian, t, 3)}</td>` : nothing}
        </tr>`,
      )}</tbody>
    </table>`,
  );
}

/** Work areas or service types side by side: ratings, score, grade and the five averages. */
export function groupTable(t: DashboardStrings, caption: string, rows: GroupRow[]): TemplateResult {
  return scrollBox(
    caption,
    html`<table>
      <caption class="visually-hidden">${caption}</caption>
      <thead><tr>
        <th scope="col">${t.name}</th><th scope="col">${t.score}</th><th scope="col">${t.grade}</th><th scope="col">${t.count}</th>
        ${INDICATORS.map((indicator) => html`<th scope="col">${indicator.name}</th>`)}
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr data-code=${row.code}>
          <th scope="row">${row.name}</th>
          <td class="num" data-col="score">${score(row.score, t)}</td>
          <td data-col="grade">${grade(row, t)}</td>
          <td class="num" data-col="count">${count(row.count, t)}</td>
          ${INDICATORS.map((indicator) => html`<td class="num">${average(row.averages[indicator.code] ?? null, t)}</td>`)}
        </tr>`,
      )}</tbody>
    </table>`,
  );
}
