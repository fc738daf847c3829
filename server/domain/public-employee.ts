/** What a QR code, a keypass page, a card or a board shows of an employee: the rating form's public view. */
export interface PublicEmployee {
  nip: string;
  name: string;
  position: string;
  workArea: { code: string; name: string };
  office: { code: string; name: string };
  /** The current public code, never a replaced one. */
  code: string;
  /** `${PUBLIC_BASE_URL}/r/<code>`: what the QR code encodes. */
  ratingUrl: string;
  /** The same address without its scheme, short enough to type from a card. */
  shortLink: string;
}

export interface PublicWorkArea {
  office: { code: string; name: string };
  workArea: { code: string; name: string };
  employees: PublicEmployee[];
}

/** One employee's printable card: their public view and their QR code as inline SVG. */
export interface PrintableCard {
  employee: PublicEmployee;
  qrSvg: string;
}

/** A work area's printable board: the cards of its active employees, QR codes in the same order. */
export interface PrintableBoard {
  area: PublicWorkArea;
  qrSvgs: string[];
}
