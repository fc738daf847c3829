import { DataTypes, type QueryInterface } from 'sequelize';

// Column definitions are made fresh for each use: Sequelize writes into the objects it is given.
const optionalRef = (table: string) => ({
  type: DataTypes.INTEGER,
  allowNull: true,
  references: { model: table, key: 'id' },
  onUpdate: 'CASCADE',
  onDelete: 'RESTRICT',
});

/**
 * People who sign in to manage an office or read its reports. A superadmin has no office; a
 * coordinator has a work area. Passwords are kept only as scrypt hashes with their own salt.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('admin_users', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    password_hash: { type: DataTypes.STRING(255), allowNull: false },
    role: { type: DataTypes.STRING(16), allowNull: false },
    office_id: optionalRef('offices'),
    work_area_id: optionalRef('work_areas'),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    // Tokens issued before this instant are refused, so a reset password ends old sessions.
    password_changed_at: { type: DataTypes.DATE, allowNull: false },
    last_sign_in_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('admin_users', ['office_id'], { name: 'admin_users_office' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('admin_users');
}
