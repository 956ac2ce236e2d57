CREATE TABLE "employee_attendance" (
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"month" text NOT NULL,
	"worked_minutes" integer,
	"overtime_minutes" integer,
	"late_early_count" integer,
	"absence_days" numeric(5, 1),
	"holiday_days" numeric(5, 1),
	"paid_leave_remaining" numeric(5, 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_attendance_tenant_id_employee_id_month_pk" PRIMARY KEY("tenant_id","employee_id","month"),
	CONSTRAINT "employee_attendance_month_ck" CHECK ("employee_attendance"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "employee_attendance" ADD CONSTRAINT "employee_attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_attendance" ADD CONSTRAINT "employee_attendance_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;