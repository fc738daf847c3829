import type { PrintableBoard, PrintableCard } from '../domain/public-employee.js';
import { boardPage } from './board.js';
import { cardPage, type CardLayout } from './card.js';
import { PAGES_SCRIPT, renderPage, type RenderedPage } from './page.js';

/** One employee's printable card page, with the print button's script. */
export const renderCardPage = (card: PrintableCard, layout: CardLayout): RenderedPage =>
  renderPage({ ...cardPage(card.employee, card.qrSvg, layout), scripts: [PAGES_SCRIPT] });

/** A work area's board of cards, four to an A4 sheet, with the print button's script. */
export const renderBoardPage = (board: PrintableBoard): RenderedPage =>
  renderPage({ ...boardPage(board.area, board.qrSvgs), scripts: [PAGES_SCRIPT] });
