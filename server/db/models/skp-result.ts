import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One employee's SKP result for one appraisal period, imported from E-Kinerja. */
export class SkpResult extends Model<InferAttributes<SkpResult>, InferCreationAttributes<SkpResult>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare employeeId: number;
  /** A period code: 2026-Q3, 2026-S1, 2026-10, 2026. */
  declare period: string;
  /** `below`, `meeting`, `above`, or null when only the predikat was given. */
  declare workResult: string | null;
  declare behaviour: string | null;
  /** `sangat-baik`, `baik`, `butuh-perbaikan`, `kurang`, `sangat-kurang`, or null. */
  declare predikat: string | null;
  declare importedBy: number | null;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SkpResult.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        employeeId: { type: DataTypes.INTEGER, allowNull: false },
        period: { type: DataTypes.STRING(8), allowNull: false },
        workResult: { type: DataTypes.STRING(8), allowNull: true },
        behaviour: { type: DataTypes.STRING(8), allowNull: true },
        predikat: { type: DataTypes.STRING(16), allowNull: true },
        importedBy: { type: DataTypes.INTEGER, allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'skp_results', createdAt: false },
    );
  }
}
