import type { FilterState } from '../pacak-dashboard/filters.js';
import { isDay, PRESETS, presetPeriod, today } from '../pacak-dashboard/period.js';
import type { Preset } from '../pacak-dashboard/period.js';
import { BASE } from './routes.js';

/**
 * The reports' period and filters in the address, so a copied link opens the same view: a preset
 * by name (`?period=last-month`, relative to the day it is opened), or two dates (`?from&to`),
 * then `workArea`, `serviceType`, `verified=true` and the ranking's `orderBy=combined`.
 */
export function filtersOf(search: string, timeZone: string, fallback: FilterState): FilterState {
  const query = new URLSearchParams(search);
  if (![...query.keys()].length) return fallback;
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const named = query.get('period') as Preset | null;
  const preset: Preset =
    isDay(from) && isDay(to) ? 'custom' : named && PRESETS.includes(named) && named !== 'custom' ? named : 'this-month';
  return {
    preset,
    ...(preset === 'custom' ? { from, to } : presetPeriod(preset, today(timeZone))),
    workArea: query.get('workArea') ?? '',
    serviceType: query.get('serviceType') ?? '',
    verified: query.get('verified') === 'true',
    orderBy: query.get('orderBy') === 'combined' ? 'combined' : 'bayesian',
  };
}

export function searchOf(filters: FilterState): string {
  const query = new URLSearchParams();
  if (filters.preset === 'custom') {
    query.set('from', filters.from);
    query.set('to', filters.to);
  } else query.set('period', filters.preset);
  if (filters.workArea) query.set('workArea', filters.workArea);
  if (filters.serviceType) query.set('serviceType', filters.serviceType);
  if (filters.verified) query.set('verified', 'true');
  if (filters.orderBy === 'combined') query.set('orderBy', 'combined');
  return `?${query}`;
}

export const sameFilters = (a: FilterState, b: FilterState): boolean => searchOf(a) === searchOf(b);

export const reportsPath = (nip: string, filters: FilterState): string =>
  `${BASE}/reports${nip ? `/employees/${encodeURIComponent(nip)}` : ''}${searchOf(filters)}`;
