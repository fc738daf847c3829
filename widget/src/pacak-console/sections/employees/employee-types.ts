/** An employee as the admin API answers it (GET /api/v1/admin/employees/:nip). */
export interface AdminEmployee {
  nip: string;
  name: string;
  position: string;
  kind: 'asn' | 'pppk' | 'outsourced';
  workArea: { code: string; name: string };
  active: boolean;
  /** Shown in the office's employee picker (the rating menu, `/o/<office>`). */
  listed: boolean;
  photoUrl: string | null;
  publicCode: string | null;
  ratingUrl: string | null;
  hasPin: boolean;
}

export interface WorkAreaChoice {
  code: string;
  name: string;
  active: boolean;
}

export const KINDS = ['asn', 'pppk', 'outsourced'] as const;

export const employeePath = (nip: string): string => `/admin/employees/${encodeURIComponent(nip)}`;

/** What the server takes as a photo (it checks the bytes too), and how large. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_LIMIT = 1024 * 1024;

/** A photo uploaded to this server (served at /api/v1/employee-photos/<key>), which the console's pages may show. */
export const isStoredPhoto = (url: string): boolean => url.startsWith('/api/v1/employee-photos/');
