import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * Failed sign-ins counted for one key: `user:<keyed hash of the username>` or `addr:<keyed hash of
 * the client address>`. Counting starts again when the window has passed; `lockedUntil` refuses
 * every attempt (right password included) until then.
 */
export class SignInThrottle extends Model<InferAttributes<SignInThrottle>, InferCreationAttributes<SignInThrottle>> {
  declare key: string;
  declare failures: number;
  declare windowStartedAt: Date;
  declare lockedUntil: CreationOptional<Date | null>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SignInThrottle.init(
      {
        key: { type: DataTypes.STRING(80), primaryKey: true },
        failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        windowStartedAt: { type: DataTypes.DATE, allowNull: false },
        lockedUntil: { type: DataTypes.DATE, allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'sign_in_throttles', createdAt: false },
    );
  }
}
