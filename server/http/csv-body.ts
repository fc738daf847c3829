import type { Middleware } from 'koa';
import { badRequest } from '../domain/problem.js';
import { assertNoControlCharacters } from './control-characters.js';
import { readLimited, unsupportedMediaType } from './json-body.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A CSV body (`Content-Type: text/csv`) of at most `limit` bytes, as text in `ctx.request.body`.
 * Only UTF-8 is read (a byte order mark is fine): a file in a Windows code page would turn names
 * with accents into garbage, so it is refused with a hint how to save it as UTF-8. With `spreadsheets`,
 * an .xlsx workbook is taken too, as a Buffer.
 */
export function csvBody(limit: number, spreadsheets = false): Middleware {
  return async (ctx, next) => {
    // An Excel workbook is read by the route as it is, bytes: its cells are not text until opened.
    if (spreadsheets && ctx.is(XLSX_TYPE)) {
      ctx.request.body = await readLimited(ctx, limit);
      return next();
    }
    if (!ctx.is('text/csv'))
      throw unsupportedMediaType(`Send the file as text/csv (UTF-8)${spreadsheets ? ` or as an Excel workbook (${XLSX_TYPE})` : ''}.`);
    const charset = /charset="?([\w-]+)/i.exec(ctx.get('content-type'))?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw unsupportedMediaType('Send the file in UTF-8 (charset=utf-8).');
    const bytes = await readLimited(ctx, limit);
    try {
      ctx.request.body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw badRequest('The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)".');
    }
    assertNoControlCharacters(ctx.request.body);
    return next();
  };
}
