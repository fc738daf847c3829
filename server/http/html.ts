const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);

/**
 * Tagged template for server-rendered pages: every interpolated value is escaped unless it is
 * already markup made by this same tag.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const rendered = Array.isArray(value)
      ? value.map((item) => (item instanceof Html ? item.text : escapeHtml(String(item)))).join('')
      : value instanceof Html
        ? value.text
        : escapeHtml(String(value ?? ''));
    out += rendered + (strings[i + 1] ?? '');
  });
  return new Html(out);
}
