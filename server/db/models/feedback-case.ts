import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The follow-up of one rating's feedback: its status, whom it is assigned to and the follow-up note. */
export class FeedbackCase extends Model<InferAttributes<FeedbackCase>, InferCreationAttributes<FeedbackCase>> {
  declare id: CreationOptional<number>;
  declare ratingId: number;
  declare officeId: number;
  /** 'baru' (new), 'ditangani' (being handled) or 'selesai' (closed). */
  declare status: string;
  declare assignedTo: number | null;
  /** The latest follow-up note, phone numbers masked. */
  declare note: string | null;
  declare updatedBy: number | null;
  declare closedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FeedbackCase.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        ratingId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        assignedTo: { type: DataTypes.INTEGER, allowNull: true },
        note: { type: DataTypes.TEXT, allowNull: true },
        updatedBy: { type: DataTypes.INTEGER, allowNull: true },
        closedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'feedback_cases' },
    );
  }
}
