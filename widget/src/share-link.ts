/** How a link left the page: the phone's share sheet, or the clipboard where there is none. */
export type ShareVia = 'share' | 'clipboard';

/**
 * Shares a link the way the device can: the Web Share API on phones (WhatsApp and the rest), the
 * clipboard elsewhere. Answers how it went: `cancelled` when the person closed the share sheet,
 * `unavailable` when neither way works (an http page has no clipboard), so the caller offers the text.
 */
export async function shareLink(url: string, title: string): Promise<ShareVia | 'cancelled' | 'unavailable'> {
  if (navigator.share) {
    try {
      await navigator.share({ title, url });
      return 'share';
    } catch (error) {
      if ((error as DOMException).name === 'AbortError') return 'cancelled';
      // Some desktop browsers have navigator.share but refuse it: fall back to copying.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'clipboard';
  } catch {
    return 'unavailable';
  }
}
