import { CsvError, parse } from 'csv-parse/sync';

/** One record of a CSV file: its fields, and the line of the file it starts on (1 is the first line). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type Delimiter = ',' | ';' | '\t';

/** The file breaks the CSV rules (RFC 4180) in a way that leaves its content in doubt. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * The separator of a file, read from its header line: whichever of semicolon, comma and tab occurs
 * most outside quotes. Excel set to Indonesian writes semicolons (the comma is the decimal mark there),
 * most other tools commas. A header with none of them is taken as comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0] as [Delimiter, number];
  return best[1] > 0 ? best[0] : ',';
}

const breaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;
const leadingBreaks = (text: string): number => breaks(/^[\r\n]*/.exec(text)?.[0] ?? '');

/**
 * Parses CSV text as RFC 4180 has it (csv-parse), with what spreadsheets add: a UTF-8 byte order
 * mark, CRLF, LF or CR line ends, a semicolon or tab separator, and fields in double quotes that may
 * hold the separator, line breaks and doubled quotes (""). Blank lines are skipped; a quote inside an
 * unquoted field is kept as it is. A quote left open, or text right after a closing quote, is a
 * CsvSyntaxError naming the line.
 *
 * Line numbers are counted here from the byte offsets csv-parse reports, a CRLF being one line end
 * wherever it is (inside a quoted field too), as a spreadsheet shows it.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const bytes = Buffer.from(input, 'utf8');
  const lineAt = (offset: number): number => 1 + breaks(bytes.toString('utf8', 0, offset));
  const options = {
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    raw: true,
  };
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    // Strict first: only then does csv-parse tell text after a closing quote from a quote inside a field.
    rows = parse(input, { ...options, relax_quotes: false }) as unknown as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { code, bytes_records: start = 0, raw = '' } = error as CsvError & { bytes_records?: number; raw?: string };
    const recordStart = lineAt(start) + leadingBreaks(bytes.toString('utf8', start));
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvSyntaxError('a quoted field is never closed', recordStart);
    if (code === 'CSV_INVALID_CLOSING_QUOTE') {
      throw new CsvSyntaxError('text follows a closing quote; write a quote inside a quoted field as ""', lineAt(start) + breaks(raw));
    }
    if (code !== 'INVALID_OPENING_QUOTE') throw error;
    rows = parse(input, { ...options, relax_quotes: true }) as unknown as typeof rows;
  }
  // Each record's bytes run from where the last one ended, blank lines first: counted once, in order.
  let end = 0;
  let endLine = 1;
  return rows.map(({ record, info }) => {
    const span = bytes.toString('utf8', end, info.bytes);
    const line = endLine + leadingBreaks(span);
    endLine += breaks(span);
    end = info.bytes;
    return { line, fields: record };
  });
}
