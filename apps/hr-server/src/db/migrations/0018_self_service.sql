CREATE TABLE "startup_drafts" (
	"tenant_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"step" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "startup_drafts_tenant_id_employee_id_pk" PRIMARY KEY("tenant_id","employee_id")
);
--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "startup_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "startup_drafts" ADD CONSTRAINT "startup_drafts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "startup_drafts" ADD CONSTRAINT "startup_drafts_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employees_startup_pending_idx" ON "employees" USING btree ("tenant_id","id") WHERE "employees"."is_startup_target";