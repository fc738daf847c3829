import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A service standard of an office (Jenis Pelayanan). Retired types stay, so old ratings keep theirs. */
export class ServiceType extends Model<InferAttributes<ServiceType>, InferCreationAttributes<ServiceType>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare code: string;
  declare name: string;
  declare sortOrder: CreationOptional<number>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ServiceType.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        code: { type: DataTypes.STRING(64), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        sortOrder: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'service_types' },
    );
  }
}
