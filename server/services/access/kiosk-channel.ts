import { invalid } from '../../domain/problem.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { KioskKey } from '../../db/models/index.js';
import type { KioskKeys } from './kiosk-keys.js';

/**
 * A rating may say it came from a counter tablet (`channel: 'kiosk'`) only with that tablet's valid
 * kiosk key (X-Kiosk-Key), and only for an employee of the key's work area: the channel is evidence in
 * the reports, so anyone's script must not be able to claim it. Other channels need no key.
 * Answers the key's record: the rating's limits count per key.
 */
export async function assertKioskChannel(keys: KioskKeys, catalogue: Catalogue, nip: string, key: string): Promise<KioskKey> {
  const problem = (message: string) => invalid([{ path: 'channel', message, code: 'kiosk_key' }]);
  if (!key) throw problem('"kiosk" needs the tablet’s kiosk key in the X-Kiosk-Key header');
  const found = await keys.findValidKey(key);
  if (!found) throw problem('the kiosk key is unknown or has been revoked');
  const record = await catalogue.findActiveEmployee(nip);
  // An unknown employee is the rating's own 422 (on nip); only a known one of another work area is refused here.
  if (record && (record.office.id !== found.officeId || record.workArea.id !== found.workAreaId)) {
    throw problem('the kiosk key belongs to another work area than this employee');
  }
  return found;
}
