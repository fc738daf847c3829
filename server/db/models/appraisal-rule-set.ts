import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One set of an office's appraisal rules from the day it takes effect; `rules` is the set as JSON. */
export class AppraisalRuleSet extends Model<InferAttributes<AppraisalRuleSet>, InferCreationAttributes<AppraisalRuleSet>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  /** YYYY-MM-DD, office-local. */
  declare effectiveFrom: string;
  declare rules: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AppraisalRuleSet.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        effectiveFrom: { type: DataTypes.STRING(10), allowNull: false },
        rules: { type: DataTypes.TEXT, allowNull: false },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'appraisal_rules', updatedAt: false },
    );
  }
}
