/**
 * Copies text for the person, through the clipboard where the page may use it; otherwise the text in
 * `fallback` is selected so Ctrl+C (or a long press) copies it. Answers whether the clipboard took it.
 */
export async function copyText(text: string, fallback?: HTMLTextAreaElement | HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback?.focus();
    fallback?.select();
    return false;
  }
}
