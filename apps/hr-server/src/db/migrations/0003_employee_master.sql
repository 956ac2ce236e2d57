-- Trigram search on normalised names (R-EMP-3); btree_gin lets tenant_id lead the GIN index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_login_id" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_logs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"company_id" uuid,
	"department_id" uuid,
	"position_id" uuid,
	"grade_id" uuid,
	"job_type_id" uuid,
	"location_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_awards" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"awarded_on" date,
	CONSTRAINT "employee_awards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_contracts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"employment_type_id" uuid,
	"work_style_id" uuid,
	"hiring_category_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_contracts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_disabilities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"disability_type_id" uuid NOT NULL,
	"grade" text,
	CONSTRAINT "employee_disabilities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_education" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"school" text NOT NULL,
	"faculty" text,
	"graduated_on" date,
	CONSTRAINT "employee_education_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_emergency_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"relation" text,
	"phone" text NOT NULL,
	CONSTRAINT "employee_emergency_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_licenses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"license_id" uuid NOT NULL,
	"acquired_on" date,
	CONSTRAINT "employee_licenses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "employee_work_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"company" text NOT NULL,
	"role" text,
	"from_date" date,
	"to_date" date,
	CONSTRAINT "employee_work_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
DROP INDEX "employees_kana_idx";--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "business_last_name" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "business_first_name" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "system_use_start_date" date;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "prefecture" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "building" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "mobile_phone" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "is_startup_target" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "kana_sort" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_company_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","company_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_department_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","department_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_position_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","position_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_grade_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grade_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_job_type_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","job_type_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_assignments" ADD CONSTRAINT "employee_assignments_tenant_id_location_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_awards" ADD CONSTRAINT "employee_awards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_awards" ADD CONSTRAINT "employee_awards_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_contracts" ADD CONSTRAINT "employee_contracts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_contracts" ADD CONSTRAINT "employee_contracts_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_contracts" ADD CONSTRAINT "employee_contracts_tenant_id_employment_type_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employment_type_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_contracts" ADD CONSTRAINT "employee_contracts_tenant_id_work_style_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","work_style_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_contracts" ADD CONSTRAINT "employee_contracts_tenant_id_hiring_category_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","hiring_category_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_disabilities" ADD CONSTRAINT "employee_disabilities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_disabilities" ADD CONSTRAINT "employee_disabilities_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_education" ADD CONSTRAINT "employee_education_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_education" ADD CONSTRAINT "employee_education_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_emergency_contacts" ADD CONSTRAINT "employee_emergency_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_emergency_contacts" ADD CONSTRAINT "employee_emergency_contacts_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_licenses" ADD CONSTRAINT "employee_licenses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_licenses" ADD CONSTRAINT "employee_licenses_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_work_history" ADD CONSTRAINT "employee_work_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_work_history" ADD CONSTRAINT "employee_work_history_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_logs_at_idx" ON "audit_logs" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "audit_logs_target_idx" ON "audit_logs" USING btree ("tenant_id","target_type","target_id","at");--> statement-breakpoint
CREATE INDEX "employee_assignments_emp_idx" ON "employee_assignments" USING btree ("tenant_id","employee_id","start_date");--> statement-breakpoint
CREATE INDEX "employee_assignments_dept_idx" ON "employee_assignments" USING btree ("tenant_id","department_id");--> statement-breakpoint
CREATE INDEX "employee_awards_emp_idx" ON "employee_awards" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employee_contracts_emp_idx" ON "employee_contracts" USING btree ("tenant_id","employee_id","start_date");--> statement-breakpoint
CREATE INDEX "employee_disabilities_emp_idx" ON "employee_disabilities" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employee_education_emp_idx" ON "employee_education" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employee_emergency_contacts_emp_idx" ON "employee_emergency_contacts" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employee_licenses_emp_idx" ON "employee_licenses" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employee_work_history_emp_idx" ON "employee_work_history" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "employees_hire_idx" ON "employees" USING btree ("tenant_id","hire_date","id");--> statement-breakpoint
CREATE INDEX "employees_created_idx" ON "employees" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "employees_search_trgm_idx" ON "employees" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "employees_kana_idx" ON "employees" USING btree ("tenant_id","kana_sort","id");
--> statement-breakpoint
COMMENT ON TABLE audit_logs IS 'jinji:append-only';
