import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

// The employee core (R-EMP-1 required fields). Issue #4 extends it with the rest of the master.
export const employees = pgTable(
  'employees',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    employeeNumber: text('employee_number'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    lastNameKana: text('last_name_kana').notNull(),
    firstNameKana: text('first_name_kana').notNull(),
    birthDate: date('birth_date').notNull(),
    gender: text('gender').notNull(),
    hireDate: date('hire_date').notNull(),
    retirementDate: date('retirement_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('employees_number_uq').on(t.tenantId, t.employeeNumber),
    index('employees_kana_idx').on(t.tenantId, t.lastNameKana, t.firstNameKana),
  ],
);
