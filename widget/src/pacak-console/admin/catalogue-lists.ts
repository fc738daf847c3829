import type { AdminApi } from '../admin-api.js';

export interface WorkAreaRow {
  code: string;
  name: string;
  active: boolean;
  serviceHours: string | null;
  employees: number;
}

export interface ServiceTypeRow {
  code: string;
  name: string;
  active: boolean;
}

/** The office's work areas, for filters and pickers (inactive ones included, marked by the caller). */
export async function workAreas(api: AdminApi): Promise<WorkAreaRow[]> {
  return (await api.get<{ workAreas: WorkAreaRow[] }>('/admin/work-areas')).workAreas;
}

export async function serviceTypes(api: AdminApi): Promise<ServiceTypeRow[]> {
  return (await api.get<{ serviceTypes: ServiceTypeRow[] }>('/admin/service-types')).serviceTypes;
}
