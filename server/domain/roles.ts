import { ROLES, type Role } from '../../contract/index.js';

/**
 * Who may do what. The role travels in the sign-in token and is checked again against the database on
 * every request, so a changed role takes effect at once.
 *
 * | role | office | may |
 * | --- | --- | --- |
 * | superadmin | none | manage offices and their admins; read the audit log of all offices |
 * | admin | one | everything in their office: catalogue, staff, users, moderation, reports, audit |
 * | coordinator | one, and one work area | read reports and print boards of their work area, nothing else |
 * | viewer | one | read reports of their office |
 */
export { ROLES, type Role };

/** Roles an office admin may give to users of their office; superadmins are made with the CLI only. */
export const OFFICE_ROLES = ['admin', 'coordinator', 'viewer'] as const satisfies readonly Role[];

export type OfficeRole = (typeof OFFICE_ROLES)[number];

/** Roles that read reports (the future reports code asks `scopeOf` for how far). */
export const REPORT_READERS = ['admin', 'coordinator', 'viewer'] as const satisfies readonly Role[];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
