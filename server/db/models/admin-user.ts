import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Role } from '../../domain/roles.js';

/**
 * Someone who signs in: an office's admin, coordinator or viewer, or a superadmin (no office).
 * `passwordHash` is an scrypt hash with its own salt (see services/passwords.ts). Users are
 * deactivated, never deleted: the audit log and voided ratings name them.
 */
export class AdminUser extends Model<InferAttributes<AdminUser>, InferCreationAttributes<AdminUser>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare passwordHash: string;
  declare role: Role;
  declare officeId: number | null;
  declare workAreaId: number | null;
  declare active: CreationOptional<boolean>;
  declare passwordChangedAt: Date;
  /** The password was generated (shown once to whoever made the account): its owner must choose one. */
  declare mustChangePassword: CreationOptional<boolean>;
  /** Signed into every token; moved on for good when access or password changes, which refuses older tokens. */
  declare tokenVersion: CreationOptional<number>;
  declare lastSignInAt: CreationOptional<Date | null>;
  /** Where alert mail and scheduled reports go. */
  declare email: CreationOptional<string | null>;
  /** Wants low-score alert mail; null follows the role (coordinators yes, admins no). */
  declare alertMail: CreationOptional<boolean | null>;
  /** No further alert mail goes to this account before then (batching). */
  declare alertMailNextAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AdminUser.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        passwordHash: { type: DataTypes.STRING(255), allowNull: false },
        role: { type: DataTypes.STRING(16), allowNull: false },
        officeId: { type: DataTypes.INTEGER, allowNull: true },
        workAreaId: { type: DataTypes.INTEGER, allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        passwordChangedAt: { type: DataTypes.DATE, allowNull: false },
        mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lastSignInAt: { type: DataTypes.DATE, allowNull: true },
        email: { type: DataTypes.STRING(254), allowNull: true },
        alertMail: { type: DataTypes.BOOLEAN, allowNull: true },
        alertMailNextAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'admin_users' },
    );
  }
}
