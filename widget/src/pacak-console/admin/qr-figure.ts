import { svg } from 'lit';
import type { TemplateResult } from 'lit';

/** A QR code as the server describes it: one path of dark modules on a `size` x `size` grid. */
export interface QrPath {
  size: number;
  path: string;
}

/**
 * Draws a QR code from its path, with no markup from the server placed as HTML: the path is an
 * attribute value. `label` names what it opens, for screen readers.
 */
export function qrFigure(qr: QrPath, label: string): TemplateResult {
  return svg`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges">
    <rect width=${qr.size} height=${qr.size} fill="#fff"></rect><path d=${qr.path} fill="#000"></path>
  </svg>`;
}
