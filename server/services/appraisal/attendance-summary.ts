import { Op } from 'sequelize';
import { AttendanceMonth } from '../../db/models/index.js';

export interface AttendanceSummary {
  /** The months of the period with an imported row, YYYY-MM, oldest first. */
  months: string[];
  workingDays: number;
  presentDays: number;
  leaveDays: number;
  absentDays: number;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  /** Days present of working days, 0-100, one decimal; null without working days. */
  presentRate: number | null;
}

/**
 * An employee's attendance over the months a period touches (attendance is kept by month), or null
 * when none was imported for them.
 */
export async function attendanceSummary(employeeId: number, from: string, to: string): Promise<AttendanceSummary | null> {
  const rows = await AttendanceMonth.findAll({
    where: { employeeId, month: { [Op.gte]: from.slice(0, 7), [Op.lte]: to.slice(0, 7) } },
    order: [['month', 'ASC']],
  });
  if (!rows.length) return null;
  const sum = (key: 'workingDays' | 'presentDays' | 'leaveDays' | 'absentDays' | 'lateMinutes' | 'earlyLeaveMinutes') =>
    rows.reduce((total, row) => total + row[key], 0);
  const workingDays = sum('workingDays');
  const presentDays = sum('presentDays');
  return {
    months: rows.map((row) => row.month),
    workingDays,
    presentDays,
    leaveDays: sum('leaveDays'),
    absentDays: sum('absentDays'),
    lateMinutes: sum('lateMinutes'),
    earlyLeaveMinutes: sum('earlyLeaveMinutes'),
    presentRate: workingDays ? Math.round((presentDays / workingDays) * 1000) / 10 : null,
  };
}
