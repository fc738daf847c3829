import { existsSync } from 'node:fs';

/**
 * DejaVu Sans (Debian's fonts-dejavu-core) is embedded when it is there: it covers names and comments
 * in Latin, Greek, Cyrillic and many symbols. Without it the PDF uses the standard Helvetica, which
 * knows Windows-1252 only. Either way `printable` drops what the font has no glyph for (an emoji,
 * most often), so no missing-glyph box reaches the paper.
 */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts/dejavu'];
const dir = FONT_DIRS.find((candidate) => existsSync(`${candidate}/DejaVuSans.ttf`) && existsSync(`${candidate}/DejaVuSans-Bold.ttf`));

export const FONTS = dir
  ? { regular: `${dir}/DejaVuSans.ttf`, bold: `${dir}/DejaVuSans-Bold.ttf`, embedded: true }
  : { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };

/** Characters of Windows-1252 beyond Latin-1's printable range that Helvetica also draws. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** A fontkit font as pdfkit holds it once chosen: enough to ask whether it has a glyph. */
export interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * The text with every character the font cannot draw left out (and emoji variation selectors and
 * joiners with them), so the page shows no box or question mark in its place.
 */
export function printable(value: string, font: GlyphSource | null): string {
  let out = '';
  for (const char of value.replace(/\u200D|\uFE0E|\uFE0F/g, '')) {
    const code = char.codePointAt(0) as number;
    if (char === '\n') out += char;
    else if (code < 0x20 || code === 0x7f) continue;
    else if (font ? font.hasGlyphForCodePoint(code) : (code >= 0x20 && code <= 0xff) || CP1252_EXTRA.has(char)) out += char;
  }
  return out.replace(/ {2,}/g, ' ');
}
