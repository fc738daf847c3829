import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Employees' photos, uploaded through the console (a JPEG, PNG or WebP of at most 1 MB) and kept in the
 * database like the office's logo, so every process and a backup hold them alike. Each upload gets a new
 * random key: the address it is served at (`/api/v1/employee-photos/<key>`) never shows another picture.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('employee_photos', {
    employee_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'employees', key: 'id' } },
    photo_key: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    photo: { type: DataTypes.BLOB('medium'), allowNull: false },
    photo_type: { type: DataTypes.STRING(16), allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('employee_photos');
}
