import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A key a counter tablet (kiosk mode) sends to list the employees of one work area. The key itself is
 * never stored, only its keyed hash; a revoked key stays, so a lost tablet's key can be told apart from
 * a key that never existed in the logs of whoever looks.
 */
export class KioskKey extends Model<InferAttributes<KioskKey>, InferCreationAttributes<KioskKey>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare workAreaId: number;
  declare label: string;
  declare keyHash: string;
  declare createdAt: CreationOptional<Date>;
  declare revokedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): void {
    KioskKey.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        workAreaId: { type: DataTypes.INTEGER, allowNull: false },
        label: { type: DataTypes.STRING(100), allowNull: false },
        keyHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        createdAt: DataTypes.DATE,
        revokedAt: { type: DataTypes.DATE, allowNull: true },
      },
      { sequelize, tableName: 'kiosk_keys', updatedAt: false },
    );
  }
}
