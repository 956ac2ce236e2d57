CREATE TABLE "code_sequences" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"next_value" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "code_sequences_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind")
);
--> statement-breakpoint
CREATE TABLE "code_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"login_id_mode" text NOT NULL,
	"login_id_rule" jsonb,
	"employee_number_mode" text NOT NULL,
	"employee_number_rule" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "master_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_valid" boolean DEFAULT true NOT NULL,
	"company_id" uuid,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "master_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "master_items_code_uq" UNIQUE("tenant_id","kind","code"),
	CONSTRAINT "master_items_kind_ck" CHECK ("master_items"."kind" in ('company','department','location','employment_type','work_style','hiring_category','position','grade','job_type','license','disability_type','record_category','record_subcategory'))
);
--> statement-breakpoint
ALTER TABLE "code_sequences" ADD CONSTRAINT "code_sequences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_settings" ADD CONSTRAINT "code_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_items" ADD CONSTRAINT "master_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_items" ADD CONSTRAINT "master_items_tenant_id_company_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","company_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_items" ADD CONSTRAINT "master_items_tenant_id_parent_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "master_items_list_idx" ON "master_items" USING btree ("tenant_id","kind","sort_order","code");--> statement-breakpoint
CREATE INDEX "master_items_company_idx" ON "master_items" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "master_items_parent_idx" ON "master_items" USING btree ("tenant_id","parent_id");