DROP INDEX "employee_assignments_dept_idx";--> statement-breakpoint
CREATE INDEX "employee_assignments_company_idx" ON "employee_assignments" USING btree ("tenant_id","company_id","employee_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "employee_assignments_dept_idx" ON "employee_assignments" USING btree ("tenant_id","department_id","employee_id","start_date","end_date");