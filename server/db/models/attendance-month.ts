import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One employee's attendance in one month (YYYY-MM), imported from the office's attendance system. */
export class AttendanceMonth extends Model<InferAttributes<AttendanceMonth>, InferCreationAttributes<AttendanceMonth>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare employeeId: number;
  declare month: string;
  declare workingDays: number;
  declare presentDays: number;
  declare leaveDays: number;
  declare absentDays: number;
  declare lateMinutes: number;
  declare earlyLeaveMinutes: number;
  declare importedBy: number | null;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AttendanceMonth.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        employeeId: { type: DataTypes.INTEGER, allowNull: false },
        month: { type: DataTypes.STRING(7), allowNull: false },
        workingDays: { type: DataTypes.INTEGER, allowNull: false },
        presentDays: { type: DataTypes.INTEGER, allowNull: false },
        leaveDays: { type: DataTypes.INTEGER, allowNull: false },
        absentDays: { type: DataTypes.INTEGER, allowNull: false },
        lateMinutes: { type: DataTypes.INTEGER, allowNull: false },
        earlyLeaveMinutes: { type: DataTypes.INTEGER, allowNull: false },
        importedBy: { type: DataTypes.INTEGER, allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'attendance_months', createdAt: false },
    );
  }
}
