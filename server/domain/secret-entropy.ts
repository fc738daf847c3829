/**
 * A rough estimate of how many bits of randomness a secret holds, in the manner of password meters:
 * each character costs what guessing it would, given the one before. A character that repeats the last
 * one, continues a run (`abc`, `987`) or is the key next to it on a keyboard (`1qaz`, `wsx`) is nearly
 * free; a run of four or more letters counts as one word from a large list; four digits as a year or a
 * number; a symbol already used as a separator is cheap. It is no proof of randomness, only a floor
 * under what a person types when they have not yet made a secret.
 */

const KEYBOARD_ROWS = ['1234567890-=', 'qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,./'];

/** Position of each key on a QWERTY keyboard, for neighbours across rows as well as along them. */
const KEY_POSITION = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, y) => [...row].forEach((key, x) => KEY_POSITION.set(key, [y, x])));

function keyboardNeighbours(a: string, b: string): boolean {
  const pa = KEY_POSITION.get(a.toLowerCase());
  const pb = KEY_POSITION.get(b.toLowerCase());
  if (!pa || !pb) return false;
  return Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/** Bits per character for the alphabet the secret draws from: hex, digits, letters, symbols. */
function alphabetBits(secret: string): number {
  if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) return 4;
  let size = 0;
  if (/[a-z]/.test(secret)) size += 26;
  if (/[A-Z]/.test(secret)) size += 26;
  if (/[0-9]/.test(secret)) size += 10;
  if (/[^a-zA-Z0-9]/.test(secret)) size += 33;
  return Math.log2(Math.max(size, 2));
}

/** Bits for one word (a few thousand common words, names and places) and for a four-digit number (a year, mostly). */
const WORD_BITS = 11;
const NUMBER_BITS = 10;
/** Written as words are: lower case, Capitalised or all capitals; a random mix of cases is not a word. */
const TOKEN = /[A-Z]?[a-z]{3,12}|[A-Z]{4,12}|\d{4}|[\s\S]/g;

export function estimatedBits(secret: string): number {
  const perCharacter = alphabetBits(secret);
  const seenSymbols = new Set<string>();
  let bits = 0;
  // Letters in runs of four or more that read as words (word-like case, a vowel in them) cost one word each.
  // Hex has no words: its letters are digits too.
  const tokens = (perCharacter === 4 ? secret.match(/[\s\S]/g) : secret.match(TOKEN)) ?? [];
  let previous = '';
  for (const token of tokens) {
    if (token.length >= 4 && /[aeiouAEIOU]/.test(token) && /^[A-Za-z]+$/.test(token)) {
      bits += WORD_BITS;
    } else if (/^\d{4}$/.test(token)) {
      bits += NUMBER_BITS;
    } else {
      for (const character of token) {
        const step = previous ? Math.abs((character.codePointAt(0) as number) - (previous.codePointAt(0) as number)) : -1;
        // In hex, keys next to each other are as likely as any others: only repeats and runs are free there.
        if (step === 0 || step === 1 || (perCharacter !== 4 && keyboardNeighbours(previous, character))) bits += 1;
        else if (/[^a-zA-Z0-9]/.test(character) && seenSymbols.has(character)) bits += 2;
        else bits += perCharacter;
        if (/[^a-zA-Z0-9]/.test(character)) seenSymbols.add(character);
        previous = character;
      }
      continue;
    }
    previous = token.slice(-1);
  }
  return bits;
}

/** Letters and digits only, lower case: what is left when spelling and separators are set aside. */
const essence = (secret: string): string => secret.toLowerCase().replace(/[^a-z0-9]/g, '');

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    // One row of the table from the one above: `diagonal` is above-left, `left` the cell just computed.
    const next = [i];
    let diagonal = i - 1;
    let left = i;
    for (const [j, above] of row.slice(1).entries()) {
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j] ? 0 : 1));
      next.push(left);
      diagonal = above;
    }
    row = next;
  }
  const distance = row.at(-1);
  if (distance === undefined) throw new Error('the edit distance table has no cells');
  return distance;
}

/**
 * True when two secrets differ only trivially: the same once case, spaces and punctuation are set aside,
 * one inside the other, or a few characters apart. Knowing one must not nearly give the other.
 */
export function differOnlyTrivially(a: string, b: string): boolean {
  const [x, y] = [essence(a), essence(b)];
  if (x === y || (x.length >= 8 && y.includes(x)) || (y.length >= 8 && x.includes(y))) return true;
  return editDistance(x, y) < Math.max(8, Math.min(x.length, y.length) / 4);
}
