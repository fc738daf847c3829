import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One public-service office (a BKK); everything else belongs to exactly one. */
export class Office extends Model<InferAttributes<Office>, InferCreationAttributes<Office>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare timezone: string;
  /** Where customers file a formal complaint (SP4N-LAPOR! or the office's own); shown after a low score. */
  declare complaintUrl: CreationOptional<string | null>;
  /** The office's data protection contact (an e-mail, a phone, a desk), shown in the form's privacy notice. */
  declare privacyContact: CreationOptional<string | null>;
  /** A rating with any indicator at or below this score is low and goes to the feedback inbox (default 2). */
  declare feedbackLowScore: CreationOptional<number>;
  /** Days the office gives itself to close a feedback case; an open one older than that is overdue (default 5). */
  declare feedbackTargetDays: CreationOptional<number>;
  /** Where the office's low-score alerts are posted (JSON, signed with the secret), or null for none. */
  declare alertWebhookUrl: CreationOptional<string | null>;
  declare alertWebhookSecret: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Office.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        code: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        timezone: { type: DataTypes.STRING(64), allowNull: false },
        complaintUrl: { type: DataTypes.STRING(500), allowNull: true },
        privacyContact: { type: DataTypes.STRING(300), allowNull: true },
        feedbackLowScore: { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 2 },
        feedbackTargetDays: { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 5 },
        alertWebhookUrl: { type: DataTypes.STRING(500), allowNull: true },
        alertWebhookSecret: { type: DataTypes.STRING(200), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'offices' },
    );
  }
}
