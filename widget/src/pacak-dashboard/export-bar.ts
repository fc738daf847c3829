import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import { day } from './format.js';
import type { ReportName, ShareLink } from '../../../contract/index.js';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** What a row of export buttons exports: one report, and for an employee report whose. */
export interface ExportTarget {
  report: ReportName;
  nip?: string;
  title: string;
}

export const targetKey = (target: ExportTarget): string => `${target.report}:${target.nip ?? ''}`;

/** The share panel of one target: open, and once made, the link. */
export interface SharePanel {
  key: string;
  days: number;
  link?: ShareLink;
  busy: boolean;
  copied: boolean;
}

export interface ExportBarOptions {
  t: DashboardStrings;
  target: ExportTarget;
  /** A download is on its way: every export button waits for it. */
  busy: boolean;
  /** Admins only: viewers and coordinators make no share links (the server refuses them too). */
  canShare: boolean;
  pdf?: boolean;
  panel?: SharePanel;
  onDownload: (target: ExportTarget, format: ExportFormat) => void;
  onPanel: (target: ExportTarget | null) => void;
  onDays: (days: number) => void;
  onShare: (target: ExportTarget) => void;
  onCopy: (url: string) => void;
}

const SHARE_DAYS = [7, 30, 90];

/** CSV, Excel, (an employee's) evidence PDF and, for an admin, a share link, for one report. */
export function exportBar(options: ExportBarOptions): TemplateResult {
  const { t, target, busy, canShare, pdf, onDownload, onPanel } = options;
  const panel = options.panel?.key === targetKey(target) ? options.panel : undefined;
  const button = (format: ExportFormat, label: string) =>
    html`<button type="button" class="secondary" data-export=${format} ?disabled=${busy} @click=${() => onDownload(target, format)}>${label}</button>`;
  return html`<div class="exports" role="group" aria-label="${t.download}: ${target.title}" part="exports">
      <span class="muted">${t.download}:</span>
      ${button('csv', t.csv)}${button('xlsx', t.xlsx)}${pdf ? button('pdf', t.pdf) : nothing}
      ${
        canShare
          ? html`<button type="button" class="secondary" data-share aria-expanded=${panel ? 'true' : 'false'} @click=${() => onPanel(panel ? null : target)}>
            ${t.share}
          </button>`
          : nothing
      }
    </div>
    ${panel ? sharePanel(options, panel) : nothing}`;
}

function sharePanel({ t, target, onDays, onShare, onCopy, onPanel }: ExportBarOptions, panel: SharePanel): TemplateResult {
  const { link } = panel;
  const xlsx = link ? `${link.url}?format=xlsx` : '';
  return html`<div class="share" part="share">
    ${
      link
        ? html`<p>${t.shareMade(day(link.expiresAt, t))}</p>
          <label>${t.shareLink}<input type="text" readonly name="shareUrl" .value=${link.url} /></label>
          <label>${t.shareXlsx}<input type="text" readonly name="shareXlsx" .value=${xlsx} /></label>
          <div class="row">
            <button type="button" @click=${() => onCopy(link.url)}>${t.copy}</button>
            <span role="status">${panel.copied ? t.copied : ''}</span>
          </div>`
        : html`<div class="row">
          <label>${t.shareDays}
            <select name="shareDays" @change=${(e: Event) => onDays(Number((e.target as HTMLSelectElement).value))}>
              ${SHARE_DAYS.map((n) => html`<option value=${n} ?selected=${n === panel.days}>${t.days(n)}</option>`)}
            </select>
          </label>
          <button type="button" ?disabled=${panel.busy} @click=${() => onShare(target)}>${t.makeShare}</button>
        </div>`
    }
    <button type="button" class="secondary" @click=${() => onPanel(null)}>${t.close}</button>
  </div>`;
}
