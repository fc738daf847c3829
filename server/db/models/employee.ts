import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type EmployeeKind = 'asn' | 'pppk' | 'outsourced';

/**
 * Someone customers rate: a civil servant (18-digit NIP), a PPPK (18-digit NI) or outsourced staff
 * (a staff code the office gives). The identifier is unique across offices because the public API
 * looks employees up by it alone. Employees are deactivated, never deleted: their ratings stay.
 */
export class Employee extends Model<InferAttributes<Employee>, InferCreationAttributes<Employee>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare workAreaId: number;
  declare nip: string;
  declare name: string;
  declare position: string;
  declare kind: EmployeeKind;
  declare photoUrl: CreationOptional<string | null>;
  declare active: CreationOptional<boolean>;
  /** Shown in the office's list that customers pick from (`/o/<code>`); the own QR code works either way. */
  declare listed: CreationOptional<boolean>;
  /** scrypt hash of the PIN that confirms one-service codes; null: this employee cannot make them. */
  declare pinHash: CreationOptional<string | null>;
  /** Moved on when the employee signs out of their own page: every session token issued before stops working. */
  declare sessionVersion: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Employee.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        workAreaId: { type: DataTypes.INTEGER, allowNull: false },
        nip: { type: DataTypes.STRING(32), allowNull: false, unique: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        position: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        photoUrl: { type: DataTypes.STRING(500), allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        listed: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        pinHash: { type: DataTypes.STRING(200), allowNull: true },
        sessionVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'employees' },
    );
  }
}
