import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

/**
 * exceljs and pdfkit, loaded on first use: about a fifth of a second of every process's start, for
 * what only exports, imports of sheets and PDFs need.
 */
let excel: Promise<typeof ExcelJS> | undefined;
let pdf: Promise<typeof PDFDocument> | undefined;

export const loadExcel = (): Promise<typeof ExcelJS> => (excel ??= import('exceljs').then((module) => module.default));
export const loadPdfDocument = (): Promise<typeof PDFDocument> => (pdf ??= import('pdfkit').then((module) => module.default));
