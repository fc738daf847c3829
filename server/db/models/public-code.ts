import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * The short random code a QR code and a hosted link carry instead of the NIP. An employee has one
 * current code; replaced codes stay so their old links can answer 410 rather than 404.
 */
export class PublicCode extends Model<InferAttributes<PublicCode>, InferCreationAttributes<PublicCode>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare employeeId: number;
  declare replacedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PublicCode.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        code: { type: DataTypes.STRING(16), allowNull: false, unique: true },
        employeeId: { type: DataTypes.INTEGER, allowNull: false },
        replacedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'public_codes', updatedAt: false },
    );
  }
}
