import type { Session } from '../pacak-dashboard/session.js';

export type Role = Session['role'];

/** Where the console lives: `/admin` and every address under it. */
export const BASE = '/admin';

const everyone: readonly Role[] = ['admin', 'coordinator', 'viewer', 'superadmin'];
const readers: readonly Role[] = ['admin', 'coordinator', 'viewer'];
const admins: readonly Role[] = ['admin'];
const managers: readonly Role[] = ['admin', 'superadmin'];

/**
 * One screen of the console: `/admin/<path>` and everything under it shows `<pacak-console-<screen>>`
 * from `sections/<screen>.ts`, loaded on first use. Only the roles listed see it in the menu or may
 * open it (the server refuses the rest anyway). The menu follows this order.
 */
export interface ConsoleRoute {
  path: string;
  screen: string;
  roles: readonly Role[];
  label: { id: string; en: string };
  load: () => Promise<unknown>;
  /** False keeps it out of the menu (the account is reached from the bar). */
  nav?: boolean;
}

/** The one route table: every screen of the console is listed here and nowhere else. */
export const routes: ConsoleRoute[] = [
  {
    path: 'reports',
    screen: 'reports',
    roles: readers,
    label: { id: 'Laporan', en: 'Reports' },
    load: () => import('./sections/reports.js'),
  },
  {
    path: 'feedback',
    screen: 'feedback',
    roles: ['admin', 'coordinator'],
    label: { id: 'Kotak masukan', en: 'Feedback inbox' },
    load: () => import('./sections/feedback.js'),
  },
  {
    path: 'ratings',
    screen: 'ratings',
    roles: admins,
    label: { id: 'Moderasi penilaian', en: 'Ratings' },
    load: () => import('./sections/ratings.js'),
  },
  {
    path: 'anomalies',
    screen: 'anomalies',
    roles: admins,
    label: { id: 'Anomali', en: 'Anomalies' },
    load: () => import('./sections/anomalies.js'),
  },
  { path: 'skm', screen: 'skm', roles: readers, label: { id: 'SKM', en: 'SKM' }, load: () => import('./sections/skm.js') },
  {
    path: 'employees',
    screen: 'employees',
    roles: ['admin'],
    label: { id: 'Pegawai', en: 'Employees' },
    load: () => import('./sections/employees.js'),
  },
  {
    path: 'work-areas',
    screen: 'work-areas',
    roles: admins,
    label: { id: 'Wilayah kerja', en: 'Work areas' },
    load: () => import('./sections/work-areas.js'),
  },
  {
    path: 'service-types',
    screen: 'service-types',
    roles: admins,
    label: { id: 'Jenis pelayanan', en: 'Service types' },
    load: () => import('./sections/service-types.js'),
  },
  {
    path: 'kiosk-keys',
    screen: 'kiosk-keys',
    roles: admins,
    label: { id: 'Kunci kios', en: 'Kiosk keys' },
    load: () => import('./sections/kiosk-keys.js'),
  },
  {
    path: 'accounts',
    screen: 'accounts',
    roles: managers,
    label: { id: 'Akun pengguna', en: 'Accounts' },
    load: () => import('./sections/accounts.js'),
  },
  {
    path: 'audit',
    screen: 'audit',
    roles: managers,
    label: { id: 'Log audit', en: 'Audit log' },
    load: () => import('./sections/audit.js'),
  },
  {
    path: 'settings',
    screen: 'settings',
    roles: admins,
    label: { id: 'Pengaturan kantor', en: 'Office settings' },
    load: () => import('./sections/settings.js'),
  },
  {
    path: 'appraisal',
    screen: 'appraisal',
    roles: admins,
    label: { id: 'Penilaian kinerja', en: 'Appraisal' },
    load: () => import('./sections/appraisal.js'),
  },
  {
    path: 'appraisal-data',
    screen: 'appraisal-data',
    roles: admins,
    label: { id: 'Kehadiran & SKP', en: 'Attendance & SKP' },
    load: () => import('./sections/appraisal-data.js'),
  },
  {
    path: 'account',
    screen: 'account',
    roles: everyone,
    label: { id: 'Akun saya', en: 'My account' },
    load: () => import('./sections/account.js'),
    nav: false,
  },
];

export interface Match {
  route: ConsoleRoute;
  /** What follows the route's path, without the slash: `/admin/employees/123` gives `123`. */
  subpath: string;
}

/** The route an address under `/admin` names, or null; `/admin` itself names none (see homeOf). */
export function match(pathname: string): Match | null {
  const rest = pathname.slice(BASE.length).replace(/^\/+/, '');
  for (const route of routes) {
    if (rest === route.path || rest.startsWith(`${route.path}/`)) return { route, subpath: rest.slice(route.path.length + 1) };
  }
  return null;
}

export const allowed = (route: ConsoleRoute, role: Role): boolean => route.roles.includes(role);

/** Where `/admin` leads a role: the first screen of the menu it may open. */
export function homeOf(role: Role): ConsoleRoute | undefined {
  return routes.find((route) => route.nav !== false && allowed(route, role)) ?? routes.find((route) => allowed(route, role));
}

export const pathOf = (route: ConsoleRoute, subpath = ''): string => `${BASE}/${route.path}${subpath ? `/${subpath}` : ''}`;
