import type { CardLayout } from '../../views/card.js';
import { cardPage } from '../../views/card.js';
import { boardPage } from '../../views/board.js';
import { renderPage, type RenderedPage } from '../../views/page.js';
import type { QrCodes } from './qr-codes.js';
import type { EmployeeSharing } from './public-employees.js';

/** The small script of the server's own pages: print and share buttons, one-service codes. */
export const PAGES_SCRIPT = '/widget/pacak-pages.js';

/** Printable pages: one employee's card, and a work area's board of cards. */
export class CardPages {
  constructor(
    private readonly sharing: EmployeeSharing,
    private readonly qr: QrCodes,
  ) {}

  /** An active employee's card, or null when the NIP is unknown or the employee inactive. */
  async renderCard(nip: string, layout: CardLayout): Promise<RenderedPage | null> {
    const employee = await this.sharing.find(nip);
    if (!employee) return null;
    const svg = await this.qr.inlineSvg(employee.ratingUrl);
    return renderPage({ ...cardPage(employee, svg, layout), scripts: [PAGES_SCRIPT] });
  }

  /**
   * The cards of every active employee of a work area of the office, four to an A4 sheet; null when
   * the office has no such active work area. The caller decides who may see it (coordinators: their own).
   */
  async renderBoard(officeId: number, workAreaCode: string): Promise<RenderedPage | null> {
    const area = await this.sharing.workArea(officeId, workAreaCode);
    if (!area) return null;
    const svgs = await Promise.all(area.employees.map((employee) => this.qr.inlineSvg(employee.ratingUrl)));
    return renderPage({ ...boardPage(area, svgs), scripts: [PAGES_SCRIPT] });
  }
}
