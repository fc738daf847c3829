import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A signed, expiring, revocable read-only link to one report; `params` is the report query as JSON. */
export class ShareLink extends Model<InferAttributes<ShareLink>, InferCreationAttributes<ShareLink>> {
  declare id: CreationOptional<number>;
  declare publicId: string;
  declare officeId: number;
  declare workAreaId: number | null;
  declare report: string;
  declare params: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare expiresAt: Date;
  declare revokedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): void {
    ShareLink.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        publicId: { type: DataTypes.STRING(36), allowNull: false, unique: true },
        officeId: { type: DataTypes.INTEGER, allowNull: false },
        workAreaId: { type: DataTypes.INTEGER, allowNull: true },
        report: { type: DataTypes.STRING(32), allowNull: false },
        params: { type: DataTypes.TEXT, allowNull: false },
        createdBy: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        revokedAt: { type: DataTypes.DATE, allowNull: true },
      },
      { sequelize, tableName: 'share_links', updatedAt: false },
    );
  }
}
