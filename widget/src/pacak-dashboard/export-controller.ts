import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { asApiError } from '../api.js';
import type { ApiError } from '../api.js';
import { paramsOf, saveFile } from './dashboard-api.js';
import type { ReportParams, ReportsApi } from './dashboard-api.js';
import type { DashboardStrings } from './dashboard-strings.js';
import { exportBar, targetKey } from './export-bar.js';
import type { ExportFormat, ExportTarget, SharePanel } from './export-bar.js';
import { bytes } from './format.js';

/** What the exports need from the element: words, the signed-in API, the current period and filters. */
export interface ExportContext {
  t(): DashboardStrings;
  api(): ReportsApi | null;
  params(): ReportParams;
  canShare(): boolean;
  explain(failure: ApiError): string;
}

/**
 * Downloads (CSV, XLSX, the evidence PDF) and share links, with their progress and outcome. A plain
 * link could not carry the token, so each export is fetched, counted as it streams in, and saved
 * from memory under the name the server gave it. One download at a time.
 */
export class ExportController implements ReactiveController {
  downloading: { name: string; received: number; total: number } | null = null;
  /** The last outcome, for the live region: downloaded, failed, or why a link was not made. */
  status = '';
  panel?: SharePanel;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: ExportContext,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    this.status = '';
    this.panel = undefined;
    this.host.requestUpdate();
  }

  private set(change: Partial<Pick<ExportController, 'downloading' | 'status' | 'panel'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** The row of export buttons for one report. */
  bar = (target: ExportTarget, pdf = false): TemplateResult =>
    exportBar({
      t: this.context.t(),
      target,
      pdf,
      busy: this.downloading !== null,
      canShare: this.context.canShare(),
      panel: this.panel,
      onDownload: (what, format) => void this.download(what, format),
      onPanel: (what) => this.set({ panel: what ? { key: targetKey(what), days: 30, busy: false, copied: false } : undefined }),
      onDays: (days) => this.panel && this.set({ panel: { ...this.panel, days } }),
      onShare: (what) => void this.share(what),
      onCopy: (url) => void this.copy(url),
    });

  /** The live outcome and, while a download runs, its progress: bytes so far (and a bar when the size is known). */
  render(): TemplateResult {
    const t = this.context.t();
    const d = this.downloading;
    return html`<div class="status" role="status" aria-live="polite" part="status">${this.status}</div>
      ${
        d
          ? html`<div class="progress" data-progress>
            <progress max=${d.total || nothing} value=${d.total ? d.received : nothing} aria-label=${d.name}></progress>
            <span>${t.downloading(d.name, bytes(d.received, t))}</span>
          </div>`
          : nothing
      }`;
  }

  async download(target: ExportTarget, format: ExportFormat): Promise<void> {
    const api = this.context.api();
    if (this.downloading || !api) return;
    const t = this.context.t();
    const path =
      target.report === 'employee'
        ? `/reports/employees/${encodeURIComponent(target.nip ?? '')}${format === 'pdf' ? '/evidence.pdf' : ''}`
        : `/reports/${target.report}`;
    const url = api.url(path, paramsOf(this.context.params(), format === 'pdf' ? {} : { format }));
    const name = `pacak-${target.report}.${format}`;
    this.set({ downloading: { name, received: 0, total: 0 }, status: t.downloading(name, bytes(0, t)) });
    try {
      const file = await api.download(url, (received, total) => this.set({ downloading: { name, received, total } }), name);
      saveFile(file);
      this.set({ status: t.downloaded(file.fileName) });
    } catch (error) {
      this.set({ status: `${t.downloadFailed} ${this.context.explain(asApiError(error))}` });
    } finally {
      this.set({ downloading: null });
    }
  }

  async share(target: ExportTarget): Promise<void> {
    const api = this.context.api();
    const panel = this.panel;
    if (!panel || !api) return;
    this.set({ panel: { ...panel, busy: true } });
    try {
      const link = await api.share(target.report, this.context.params(), panel.days, target.nip);
      this.set({ panel: { ...panel, busy: false, link } });
    } catch (error) {
      this.set({ panel: { ...panel, busy: false }, status: this.context.explain(asApiError(error)) });
    }
  }

  /**
   * Opens a work area's QR board for printing. The board needs the token, so a link would not do: the
   * window opens at once (a popup opened after a wait is blocked), then shows the fetched page from a
   * blob, its server-relative links made absolute (a blob page has no base to resolve them against,
   * and the policy it inherits forbids <base>) so its script, the print button, still loads.
   */
  async board(code: string, origin: string): Promise<void> {
    const api = this.context.api();
    const t = this.context.t();
    const view = api ? window.open('', '_blank') : null;
    if (!api || !view) {
      this.set({ status: t.popupBlocked });
      return;
    }
    try {
      const page = (await api.board(code)).replace(/\b(src|href)="\//g, `$1="${origin}/`);
      const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
      view.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      view.close();
      this.set({ status: this.context.explain(asApiError(error)) });
    }
  }

  async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      if (this.panel) this.set({ panel: { ...this.panel, copied: true } });
    } catch {
      // No clipboard (an http page): the link is in its field, selected, for copying by hand.
      (this.host as unknown as HTMLElement).shadowRoot?.querySelector<HTMLInputElement>('input[name=shareUrl]')?.select();
    }
  }
}
