import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One version of an office's SKM settings (domain/skm/settings.ts) from the date it took effect; `settings` is JSON. */
export class SkmSettingsRecord extends Model<InferAttributes<SkmSettingsRecord>, InferCreationAttributes<SkmSettingsRecord>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  /** 'office' or 'service:<service type id>'. */
  declare scope: string;
  declare serviceTypeId: number | null;
  declare effectiveFrom: string;
  declare settings: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SkmSettingsRecord.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        scope: { type: DataTypes.STRING(24), allowNull: false },
        serviceTypeId: { type: DataTypes.INTEGER, allowNull: true },
        effectiveFrom: { type: DataTypes.STRING(10), allowNull: false },
        settings: { type: DataTypes.TEXT, allowNull: false },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'skm_settings' },
    );
  }
}
