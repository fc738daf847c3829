import { z } from 'zod';
import { normaliseStaffId, staffIdProblems, STAFF_KINDS } from '../../domain/nip.js';
import { plainText, queryBoolean, slugCode } from './fields.js';

const photoUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
  .max(500, 'must be at most 500 characters')
  .nullable();

/** A new employee. The NIP (or staff code) is checked against the rules of its kind; see domain/nip.ts. */
export const employeeCreateSchema = z
  .strictObject({
    nip: z.string().max(64, 'must be at most 64 characters'),
    name: plainText(200),
    position: plainText(200, 0).default(''),
    workArea: slugCode,
    kind: z.enum(STAFF_KINDS, { error: 'must be asn, pppk or outsourced' }),
    photoUrl: photoUrl.optional(),
    /** Shown in the office's list customers pick from (default true). */
    listed: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .transform((body, ctx) => {
    const nip = normaliseStaffId(body.nip, body.kind);
    for (const message of staffIdProblems(nip, body.kind)) ctx.addIssue({ code: 'custom', path: ['nip'], message });
    return { ...body, nip, photoUrl: body.photoUrl ?? null };
  });

/**
 * Changes to an employee. The identifier itself does not change: a mistyped one is fixed by deleting
 * the unrated employee and adding it again. A new `workArea` moves the employee; ratings already
 * given stay with the work area they were given in.
 */
export const employeeUpdateSchema = z
  .strictObject({
    name: plainText(200).optional(),
    position: plainText(200, 0).optional(),
    workArea: slugCode.optional(),
    kind: z.enum(STAFF_KINDS, { error: 'must be asn, pppk or outsourced' }).optional(),
    photoUrl: photoUrl.optional(),
    listed: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one field to change');

export const employeeListSchema = z.strictObject({
  workArea: slugCode.optional(),
  kind: z.enum(STAFF_KINDS).optional(),
  active: queryBoolean.optional(),
  /** Part of the name or of the NIP. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export type EmployeeCreateBody = z.infer<typeof employeeCreateSchema>;
export type EmployeeUpdateBody = z.infer<typeof employeeUpdateSchema>;
export type EmployeeListQuery = z.infer<typeof employeeListSchema>;

/** An employee as administrators see it: everything the office holds, and the current QR link. */
export interface EmployeeView {
  nip: string;
  name: string;
  position: string;
  kind: string;
  workArea: { code: string; name: string };
  active: boolean;
  /** Shown in the office's list customers pick from (`/o/<code>`, `<pacak-rating office>`). */
  listed: boolean;
  photoUrl: string | null;
  publicCode: string | null;
  ratingUrl: string | null;
  /** A PIN for one-service codes is set (the PIN itself is never answered). */
  hasPin: boolean;
}
