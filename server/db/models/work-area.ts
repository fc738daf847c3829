import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A post of an office (Wilayah Kerja): the head office or a port or airport post. */
export class WorkArea extends Model<InferAttributes<WorkArea>, InferCreationAttributes<WorkArea>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare code: string;
  declare name: string;
  declare active: CreationOptional<boolean>;
  /** When the post serves customers, `HH:MM-HH:MM` office-local (the anomaly report flags ratings outside it); null when not set. */
  declare serviceHours: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    WorkArea.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        code: { type: DataTypes.STRING(64), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        serviceHours: { type: DataTypes.STRING(11), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'work_areas' },
    );
  }
}
