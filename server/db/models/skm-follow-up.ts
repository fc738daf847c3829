import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The office's follow-up plan (rencana tindak lanjut) for one element in one period and scope, with its status. */
export class SkmFollowUp extends Model<InferAttributes<SkmFollowUp>, InferCreationAttributes<SkmFollowUp>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare periodKey: string;
  /** 'office' or 'service:<service type id>'. */
  declare scope: string;
  declare element: string;
  declare plan: string;
  declare status: string;
  declare dueDate: string | null;
  declare updatedBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SkmFollowUp.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        periodKey: { type: DataTypes.STRING(8), allowNull: false },
        scope: { type: DataTypes.STRING(24), allowNull: false },
        element: { type: DataTypes.STRING(16), allowNull: false },
        plan: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        dueDate: { type: DataTypes.STRING(10), allowNull: true },
        updatedBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'skm_follow_ups' },
    );
  }
}
