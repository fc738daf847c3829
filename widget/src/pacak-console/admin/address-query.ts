/**
 * A screen's filters live in its address (`/admin/ratings?voided=true&from=…`), so a filtered list can
 * be bookmarked, opened in a new tab or linked to (an anomaly's ratings); changing one replaces the
 * current history entry rather than adding one per keystroke.
 */
export function readQuery<K extends string>(keys: readonly K[]): Record<K, string> {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
}

export function writeQuery(values: Record<string, string | number>): void {
  // Parameters that are not the screen's own (the console's `lang`) stay as they are.
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value !== '' && value !== 0) params.set(key, String(value));
    else params.delete(key);
  }
  const search = params.toString();
  const next = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

/** A paged list's filters moved by `step` pages of `size` rows; the first page leaves `offset` out of the address. */
export function turnPage<F extends { offset: string }>(filters: F, step: number, size: number): F {
  const offset = Math.max(0, (Number(filters.offset) || 0) + step * size);
  return { ...filters, offset: String(offset || '') };
}
