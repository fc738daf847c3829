import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * One line of the audit log: an administrative write or a reading of a customer's phone number.
 * `changes` holds a small JSON text of changed fields; it never holds a phone number or a password.
 */
export class AuditEntry extends Model<InferAttributes<AuditEntry>, InferCreationAttributes<AuditEntry>> {
  declare id: CreationOptional<number>;
  declare officeId: number | null;
  declare actorId: number | null;
  declare actorUsername: string;
  declare action: string;
  declare targetType: string;
  declare targetId: string | null;
  declare changes: string | null;
  declare ipHash: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AuditEntry.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: true },
        actorId: { type: DataTypes.INTEGER, allowNull: true },
        actorUsername: { type: DataTypes.STRING(64), allowNull: false },
        action: { type: DataTypes.STRING(64), allowNull: false },
        targetType: { type: DataTypes.STRING(32), allowNull: false },
        targetId: { type: DataTypes.STRING(64), allowNull: true },
        changes: { type: DataTypes.TEXT, allowNull: true },
        ipHash: { type: DataTypes.STRING(64), allowNull: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'audit_log', updatedAt: false },
    );
  }
}
