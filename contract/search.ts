/**
 * How a customer's search finds a name, written once for the server (`?q=`) and the widget's picker:
 * case, accents and runs of spaces do not matter, and the name holds what was typed, or every word typed
 * starts a word of the name ("sit rah" finds "Siti Rahmawati").
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function nameMatches(name: string, query: string): boolean {
  const whole = fold(name);
  const words = whole.split(/[\s.,'-]+/);
  return (
    whole.includes(fold(query)) ||
    fold(query)
      .split(' ')
      .every((typed) => !typed || words.some((word) => word.startsWith(typed)))
  );
}
