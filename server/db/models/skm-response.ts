import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { SKM_ELEMENT_CODES, type SkmElementCode } from '../../domain/skm/elements.js';

/** One answered SKM questionnaire; an element column is 1-4, or null where it was not applicable. */
export class SkmResponse extends Model<InferAttributes<SkmResponse>, InferCreationAttributes<SkmResponse>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare serviceTypeId: number;
  declare receipt: string;
  declare clientId: string;
  /** The quarter (e.g. 2026-Q4) of localDate: the period of the one-per-phone rule. */
  declare periodKey: string;
  declare localDate: string;
  declare sex: string;
  declare ageGroup: string;
  declare education: string;
  declare occupation: string;
  declare persyaratan: number | null;
  declare prosedur: number | null;
  declare waktu: number | null;
  declare biaya: number | null;
  declare produk: number | null;
  declare kompetensi: number | null;
  declare perilaku: number | null;
  declare pengaduan: number | null;
  declare sarana: number | null;
  declare suggestion: string | null;
  declare phoneHash: string | null;
  declare ipHash: string | null;
  declare channel: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    const elements = Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, { type: DataTypes.SMALLINT, allowNull: true }])) as Record<
      SkmElementCode,
      { type: typeof DataTypes.SMALLINT; allowNull: true }
    >;
    SkmResponse.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        serviceTypeId: { type: DataTypes.INTEGER, allowNull: false },
        receipt: { type: DataTypes.STRING(16), allowNull: false },
        clientId: { type: DataTypes.STRING(36), allowNull: false },
        periodKey: { type: DataTypes.STRING(8), allowNull: false },
        localDate: { type: DataTypes.STRING(10), allowNull: false },
        sex: { type: DataTypes.STRING(2), allowNull: false },
        ageGroup: { type: DataTypes.STRING(8), allowNull: false },
        education: { type: DataTypes.STRING(8), allowNull: false },
        occupation: { type: DataTypes.STRING(12), allowNull: false },
        ...elements,
        suggestion: { type: DataTypes.TEXT, allowNull: true },
        phoneHash: { type: DataTypes.STRING(64), allowNull: true },
        ipHash: { type: DataTypes.STRING(64), allowNull: true },
        channel: { type: DataTypes.STRING(16), allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'skm_responses', updatedAt: false },
    );
  }
}
