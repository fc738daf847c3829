import { Op, type Transaction } from 'sequelize';
import { AuditEntry } from '../../db/models/index.js';
import { maskPhone } from '../../domain/phone.js';
import { mapStrings, withoutCustomer } from './free-text.js';

/**
 * On a customer's erase request, removes their number from the office's earlier audit entries: those
 * about their ratings, and any other whose text holds the number's last four digits (a reason that
 * quoted it). Older entries may hold it in full (written before reasons were masked), newer ones in
 * masked form; both go. Answers how many entries were rewritten.
 */
export async function scrubCustomerFromAudit(
  officeId: number,
  ratingIds: number[],
  e164: string,
  transaction: Transaction,
): Promise<number> {
  const lastFour = maskPhone(e164).slice(-4);
  const entries = await AuditEntry.findAll({
    where: {
      officeId,
      changes: { [Op.ne]: null },
      [Op.or]: [
        ...(ratingIds.length ? [{ targetType: 'rating', targetId: { [Op.in]: ratingIds.map(String) } }] : []),
        { changes: { [Op.like]: `%${lastFour}%` } },
      ],
    },
    transaction,
  });
  let rewritten = 0;
  for (const entry of entries) {
    const before = entry.changes as string;
    const after = JSON.stringify(mapStrings(JSON.parse(before), (text) => withoutCustomer(text, e164)));
    if (after === before) continue;
    await entry.update({ changes: after }, { transaction });
    rewritten++;
  }
  return rewritten;
}
