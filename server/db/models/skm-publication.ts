import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The public read-only link to one period's SKM result, office-wide or for one service type. */
export class SkmPublication extends Model<InferAttributes<SkmPublication>, InferCreationAttributes<SkmPublication>> {
  declare id: CreationOptional<number>;
  declare publicId: string;
  declare officeId: number;
  declare periodKey: string;
  declare serviceTypeId: number | null;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare revokedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): void {
    SkmPublication.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        publicId: { type: DataTypes.STRING(24), allowNull: false, unique: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        periodKey: { type: DataTypes.STRING(8), allowNull: false },
        serviceTypeId: { type: DataTypes.INTEGER, allowNull: true },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
        revokedAt: { type: DataTypes.DATE, allowNull: true },
      },
      { sequelize, tableName: 'skm_publications', updatedAt: false },
    );
  }
}
