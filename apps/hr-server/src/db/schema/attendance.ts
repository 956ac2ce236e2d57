import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';
import { employees } from './employees';

const days = (name: string) => numeric(name, { precision: 5, scale: 1, mode: 'number' });

// 勤怠実績 (R-IMP-6): one row per employee and month, upserted by the import. `month` is 'YYYY-MM'
// text: it is what the file and the API say, and it sorts as it reads.
export const employeeAttendance = pgTable(
  'employee_attendance',
  {
    tenantId: tenantIdColumn(),
    employeeId: uuid('employee_id').notNull(),
    month: text('month').notNull(),
    workedMinutes: integer('worked_minutes'),
    overtimeMinutes: integer('overtime_minutes'),
    lateEarlyCount: integer('late_early_count'),
    absenceDays: days('absence_days'),
    holidayDays: days('holiday_days'),
    paidLeaveRemaining: days('paid_leave_remaining'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.employeeId, t.month] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }).onDelete(
      'cascade',
    ),
    check('employee_attendance_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
