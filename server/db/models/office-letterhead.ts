import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An office's letterhead for its evidence documents: address lines and a logo. */
export class OfficeLetterhead extends Model<InferAttributes<OfficeLetterhead>, InferCreationAttributes<OfficeLetterhead>> {
  declare officeId: number;
  /** Lines separated by newlines: street, city, phone, website. */
  declare address: string | null;
  declare logo: Buffer | null;
  /** `image/png` or `image/jpeg`. */
  declare logoType: string | null;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    OfficeLetterhead.init(
      {
        officeId: { type: DataTypes.INTEGER, primaryKey: true },
        address: { type: DataTypes.STRING(600), allowNull: true },
        logo: { type: DataTypes.BLOB('medium'), allowNull: true },
        logoType: { type: DataTypes.STRING(16), allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'office_letterheads', createdAt: false },
    );
  }
}
