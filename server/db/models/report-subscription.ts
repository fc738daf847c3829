import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A leader's scheduled report by mail, and its delivery state (see the migration report-subscriptions). */
export class ReportSubscription extends Model<InferAttributes<ReportSubscription>, InferCreationAttributes<ReportSubscription>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare userId: number;
  /** Null: the office summary. */
  declare workAreaId: number | null;
  declare cadence: string;
  /** The last period sent (at subscribing, the last one closed then). */
  declare lastPeriod: string;
  declare attempts: CreationOptional<number>;
  declare nextAttemptAt: Date;
  declare leaseUntil: CreationOptional<Date | null>;
  declare leaseOwner: CreationOptional<string | null>;
  declare lastError: CreationOptional<string | null>;
  declare lastSentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ReportSubscription.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        workAreaId: { type: DataTypes.INTEGER, allowNull: true },
        cadence: { type: DataTypes.STRING(10), allowNull: false },
        lastPeriod: { type: DataTypes.STRING(8), allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        nextAttemptAt: { type: DataTypes.DATE, allowNull: false },
        leaseUntil: { type: DataTypes.DATE, allowNull: true },
        leaseOwner: { type: DataTypes.STRING(64), allowNull: true },
        lastError: { type: DataTypes.STRING(500), allowNull: true },
        lastSentAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'report_subscriptions', updatedAt: false },
    );
  }
}
