import type { PrintableBoard, PrintableCard } from '../../domain/public-employee.js';
import type { PublicEmployees } from './public-employees.js';
import type { QrCodes } from './qr-codes.js';

/** What the printable pages show: one employee's card, and a work area's board of cards. */
export class PrintableCards {
  constructor(
    private readonly employees: PublicEmployees,
    private readonly qr: QrCodes,
  ) {}

  /** An active employee's card, or null when the NIP is unknown or the employee inactive. */
  async card(nip: string): Promise<PrintableCard | null> {
    const employee = await this.employees.find(nip);
    if (!employee) return null;
    return { employee, qrSvg: await this.qr.inlineSvg(employee.ratingUrl) };
  }

  /**
   * The cards of every active employee of a work area of the office; null when the office has no
   * such active work area. The caller decides who may see it (coordinators: their own).
   */
  async board(officeId: number, workAreaCode: string): Promise<PrintableBoard | null> {
    const area = await this.employees.workArea(officeId, workAreaCode);
    if (!area) return null;
    return { area, qrSvgs: await Promise.all(area.employees.map((employee) => this.qr.inlineSvg(employee.ratingUrl))) };
  }
}
