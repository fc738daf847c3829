import type { FormAnswer } from '../../contract/index.js';
import { INDICATORS } from '../domain/indicators.js';
import { publicByCode } from '../services/access/employee-by-code.js';
import type { EmployeeRecord } from '../services/catalogue/catalogue.js';
import type { Services } from '../services/index.js';

/**
 * Everything a rating form needs in one answer: `GET /api/v1/employees/…/form`, and the hosted page
 * `/r/<code>`, which carries it inline. Made for one answer only, never to be cached: the form token is
 * new in each, and whether the page may send depends on its origin (null: the server's own page).
 * By code, the employee has no NIP and the token names the code, as `GET /form-token?code=` does.
 */
export async function formAnswer(services: Services, record: EmployeeRecord, byCode: boolean, origin: string | null): Promise<FormAnswer> {
  const [serviceTypes, sending] = await Promise.all([
    services.catalogue.activeServiceTypes(record.office.id),
    services.origins.verdict(origin, record.office.id),
  ]);
  return {
    employee: byCode ? publicByCode(services.catalogue, record) : services.catalogue.toPublic(record),
    serviceTypes,
    indicators: INDICATORS,
    formToken: services.formTokens.issue(byCode ? `code:${record.code}` : record.employee.nip),
    sending,
  };
}
