import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { invalid } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { hashPin, PIN_PATTERN, pinWeakness, randomPin } from '../qr/pins.js';
import type { EmployeeAdmin } from './employees.js';
import { officeOf } from './fields.js';

/** `{ pin }` to set one of the admin's choosing, `{}` for a random one answered once. */
export const pinBodySchema = z.strictObject({ pin: z.string().regex(PIN_PATTERN, 'must be 6 to 12 digits').optional() }).default({});

export type PinBody = z.infer<typeof pinBodySchema>;

/**
 * The PIN an employee confirms one-service codes with (see the keypass page), as the CLI sets it, for
 * the console. Only its scrypt hash is stored; the audit log says that it was set, never what it is.
 */
export class EmployeePinAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly employees: EmployeeAdmin,
  ) {}

  /** Sets a PIN; a random one is answered once, to be handed to the employee in person. */
  async set(actor: Actor, nip: string, body: PinBody): Promise<{ hasPin: true; pin?: string }> {
    const officeId = officeOf(actor);
    const employee = await this.employees.require(officeId, nip);
    const pin = body.pin ?? randomPin();
    const weakness = pinWeakness(pin);
    if (weakness) throw invalid([{ path: 'pin', message: weakness, code: 'weak_pin' }]);
    const pinHash = await hashPin(pin);
    await this.db.transaction(async (transaction) => {
      await employee.update({ pinHash }, { transaction });
      const changes = { pin: body.pin ? 'chosen' : 'random' };
      await this.audit.record(
        actor,
        { officeId, action: 'employee.set-pin', targetType: 'employee', targetId: employee.nip, changes },
        transaction,
      );
    });
    return body.pin ? { hasPin: true } : { hasPin: true, pin };
  }

  /** Removes the PIN: no one-service codes for this employee until a new one is set. */
  async clear(actor: Actor, nip: string): Promise<void> {
    const officeId = officeOf(actor);
    const employee = await this.employees.require(officeId, nip);
    if (employee.pinHash === null) return;
    await this.db.transaction(async (transaction) => {
      await employee.update({ pinHash: null }, { transaction });
      await this.audit.record(
        actor,
        { officeId, action: 'employee.clear-pin', targetType: 'employee', targetId: employee.nip },
        transaction,
      );
    });
  }
}
