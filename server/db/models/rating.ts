import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Channel } from '../../../contract/index.js';

export type { Channel };

/**
 * One customer's rating of one employee for one service. The phone number is never stored in clear:
 * `phoneHash` (keyed) serves the one-a-day rule and counting, `phoneCipher` (erased after the retention
 * period) serves complaint follow-up, `phoneMasked` serves reports. `localDate` is the office-local day
 * the rating was made, so the one-a-day index and period reports need no time-zone arithmetic in SQL.
 */
export class Rating extends Model<InferAttributes<Rating>, InferCreationAttributes<Rating>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare employeeId: number;
  declare workAreaId: number;
  declare serviceTypeId: number;
  declare profesional: number;
  declare amanah: number;
  declare cakap: number;
  declare akuntabel: number;
  declare kolaboratif: number;
  declare comment: string | null;
  declare channel: Channel;
  declare clientId: string;
  declare receipt: string;
  declare phoneHash: string;
  declare phoneCipher: string | null;
  declare phoneMasked: string;
  declare ipHash: string | null;
  declare localDate: string;
  declare verified: CreationOptional<boolean>;
  declare voidedAt: CreationOptional<Date | null>;
  declare voidReason: CreationOptional<string | null>;
  /** The admin user who voided it; null while it counts. */
  declare voidedBy: CreationOptional<number | null>;
  /** The one-service code this rating spent (unique: a code rates once); null for the printed QR and the widget. */
  declare serviceTokenId: CreationOptional<string | null>;
  /** The customer, giving a low score, agreed to be contacted for follow-up: only then may the inbox read the number. */
  declare contactConsent: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    // A fresh object each: Sequelize writes into attribute definitions, so they must not be shared.
    const score = () => ({ type: DataTypes.SMALLINT, allowNull: false });
    Rating.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        employeeId: { type: DataTypes.INTEGER, allowNull: false },
        workAreaId: { type: DataTypes.INTEGER, allowNull: false },
        serviceTypeId: { type: DataTypes.INTEGER, allowNull: false },
        profesional: score(),
        amanah: score(),
        cakap: score(),
        akuntabel: score(),
        kolaboratif: score(),
        comment: { type: DataTypes.TEXT, allowNull: true },
        channel: { type: DataTypes.STRING(10), allowNull: false },
        clientId: { type: DataTypes.STRING(64), allowNull: false },
        receipt: { type: DataTypes.STRING(16), allowNull: false },
        phoneHash: { type: DataTypes.STRING(64), allowNull: false },
        phoneCipher: { type: DataTypes.TEXT, allowNull: true },
        phoneMasked: { type: DataTypes.STRING(20), allowNull: false },
        ipHash: { type: DataTypes.STRING(64), allowNull: true },
        localDate: { type: DataTypes.DATEONLY, allowNull: false },
        verified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        voidedAt: { type: DataTypes.DATE(3), allowNull: true },
        voidReason: { type: DataTypes.STRING(500), allowNull: true },
        voidedBy: { type: DataTypes.INTEGER, allowNull: true },
        serviceTokenId: { type: DataTypes.STRING(32), allowNull: true, unique: true },
        contactConsent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'ratings', updatedAt: false },
    );
  }
}
