import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An employee's uploaded photo: its bytes, its type, and the random key of the address it is served at. */
export class EmployeePhoto extends Model<InferAttributes<EmployeePhoto>, InferCreationAttributes<EmployeePhoto>> {
  declare employeeId: number;
  declare photoKey: string;
  declare photo: Buffer;
  /** `image/jpeg`, `image/png` or `image/webp`, as the bytes are. */
  declare photoType: string;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    EmployeePhoto.init(
      {
        employeeId: { type: DataTypes.INTEGER, primaryKey: true },
        photoKey: { type: DataTypes.STRING(32), allowNull: false },
        photo: { type: DataTypes.BLOB('medium'), allowNull: false },
        photoType: { type: DataTypes.STRING(16), allowNull: false },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'employee_photos', createdAt: false },
    );
  }
}
