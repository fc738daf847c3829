import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A low-score alert waiting for delivery, written with its rating (see db/alert-outbox.ts). */
export class AlertOutbox extends Model<InferAttributes<AlertOutbox>, InferCreationAttributes<AlertOutbox>> {
  declare id: CreationOptional<number>;
  declare officeId: number;
  declare ratingId: number;
  /** 'webhook' (the office's) or 'mail' (to the account `recipientId`; 0 for the webhook). */
  declare channel: CreationOptional<string>;
  declare recipientId: CreationOptional<number>;
  /** 'pending', 'sent', 'failed' (attempts used up) or 'skipped' (no webhook set, no mail server, or the recipient no longer wants it). */
  declare status: CreationOptional<string>;
  declare attempts: CreationOptional<number>;
  declare nextAttemptAt: Date;
  declare leaseUntil: CreationOptional<Date | null>;
  declare leaseOwner: CreationOptional<string | null>;
  declare lastError: CreationOptional<string | null>;
  declare sentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AlertOutbox.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        ratingId: { type: DataTypes.INTEGER, allowNull: false },
        channel: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'webhook' },
        recipientId: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        status: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'pending' },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        nextAttemptAt: { type: DataTypes.DATE, allowNull: false },
        leaseUntil: { type: DataTypes.DATE, allowNull: true },
        leaseOwner: { type: DataTypes.STRING(64), allowNull: true },
        lastError: { type: DataTypes.STRING(500), allowNull: true },
        sentAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'alert_outbox', updatedAt: false },
    );
  }
}
