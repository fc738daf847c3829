import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A site (scheme://host[:port]) whose pages may send ratings to one office's employees. */
export class AllowedOrigin extends Model<InferAttributes<AllowedOrigin>, InferCreationAttributes<AllowedOrigin>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare origin: string;
  declare note: string | null;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AllowedOrigin.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        origin: { type: DataTypes.STRING(300), allowNull: false },
        note: { type: DataTypes.STRING(200), allowNull: true },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'allowed_origins', updatedAt: false },
    );
  }
}
