import { DataTypes, type QueryInterface } from 'sequelize';

// Column definitions are made fresh for each use: Sequelize writes into the objects it is given.
const id = () => ({ type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false });
const ref = (table: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: table, key: 'id' },
  onUpdate: 'CASCADE',
  onDelete: 'RESTRICT',
});
const timestamps = () => ({
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
});
const score = () => ({ type: DataTypes.SMALLINT, allowNull: false });

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('offices', {
    id: id(),
    code: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    timezone: { type: DataTypes.STRING(64), allowNull: false },
    ...timestamps(),
  });
  await qi.createTable('work_areas', {
    id: id(),
    office_id: ref('offices'),
    code: { type: DataTypes.STRING(64), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps(),
  });
  await qi.addIndex('work_areas', ['office_id', 'code'], { unique: true, name: 'work_areas_office_code' });
  await qi.createTable('service_types', {
    id: id(),
    office_id: ref('offices'),
    code: { type: DataTypes.STRING(64), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps(),
  });
  await qi.addIndex('service_types', ['office_id', 'code'], { unique: true, name: 'service_types_office_code' });
  await qi.createTable('employees', {
    id: id(),
    office_id: ref('offices'),
    work_area_id: ref('work_areas'),
    nip: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    position: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    photo_url: { type: DataTypes.STRING(500), allowNull: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps(),
  });
  await qi.addIndex('employees', ['office_id', 'work_area_id'], { name: 'employees_office_work_area' });
  await qi.createTable('public_codes', {
    id: id(),
    code: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    employee_id: ref('employees'),
    replaced_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('public_codes', ['employee_id'], { name: 'public_codes_employee' });
  await qi.createTable('ratings', {
    id: id(),
    office_id: ref('offices'),
    employee_id: ref('employees'),
    work_area_id: ref('work_areas'),
    service_type_id: ref('service_types'),
    profesional: score(),
    amanah: score(),
    cakap: score(),
    akuntabel: score(),
    kolaboratif: score(),
    comment: { type: DataTypes.TEXT, allowNull: true },
    channel: { type: DataTypes.STRING(10), allowNull: false },
    client_id: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    receipt: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    phone_hash: { type: DataTypes.STRING(64), allowNull: false },
    phone_cipher: { type: DataTypes.TEXT, allowNull: true },
    phone_masked: { type: DataTypes.STRING(20), allowNull: false },
    ip_hash: { type: DataTypes.STRING(64), allowNull: true },
    local_date: { type: DataTypes.DATEONLY, allowNull: false },
    verified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    voided_at: { type: DataTypes.DATE(3), allowNull: true },
    void_reason: { type: DataTypes.STRING(500), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  // The one-a-day rule lives in the database, so two identical ratings arriving together cannot both land.
  await qi.addIndex('ratings', ['employee_id', 'service_type_id', 'phone_hash', 'local_date'], {
    unique: true,
    name: 'ratings_one_a_day',
  });
  await qi.addIndex('ratings', ['office_id', 'local_date'], { name: 'ratings_office_date' });
  await qi.addIndex('ratings', ['employee_id', 'local_date'], { name: 'ratings_employee_date' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['ratings', 'public_codes', 'employees', 'service_types', 'work_areas', 'offices']) {
    await qi.dropTable(table);
  }
}
