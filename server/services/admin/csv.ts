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

/**
 * Parses CSV text as RFC 4180 has it, with what spreadsheets add: a UTF-8 byte order mark, CRLF, LF
 * or CR line ends, a semicolon or tab separator, and fields in double quotes that may hold the
 * separator, line breaks and doubled quotes (""). Blank lines are skipped. A quote left open, or text
 * right after a closing quote, is a CsvSyntaxError naming the line.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // Whether the record has anything at all (a character, a separator, quotes): blank lines have not.
  let touched = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    if (touched) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    touched = false;
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field === '') {
      // A quoted field: read to the closing quote, keeping separators and line breaks as they are.
      const openedOn = line;
      touched = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('a quoted field is never closed', openedOn);
        const inner = text[i] as string;
        if (inner === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (inner === '"') {
          i++;
          break;
        } else {
          if (inner === '\n' || (inner === '\r' && text[i + 1] !== '\n')) line++;
          field += inner;
          i++;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError('text follows a closing quote; write a quote inside a quoted field as ""', line);
      }
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      touched = true;
      i++;
    } else if (char === '\n' || char === '\r') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      touched = true;
      i++;
    }
  }
  if (touched) endRecord();
  return records;
}
