CREATE TABLE "record_people" (
	"tenant_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"role" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "record_people_tenant_id_record_id_role_employee_id_pk" PRIMARY KEY("tenant_id","record_id","role","employee_id"),
	CONSTRAINT "record_people_role_ck" CHECK ("record_people"."role" in ('target','reporter'))
);
--> statement-breakpoint
CREATE TABLE "records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"subcategory_id" uuid,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"recorded_on" date NOT NULL,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"assignee_user_id" uuid,
	"is_sensitive" boolean DEFAULT false NOT NULL,
	"reminder_sent_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "records_title_ck" CHECK (char_length("records"."title") between 1 and 200),
	CONSTRAINT "records_body_ck" CHECK (char_length("records"."body") <= 10000),
	CONSTRAINT "records_due_ck" CHECK ("records"."due_on" is null or "records"."due_on" >= "records"."recorded_on")
);
--> statement-breakpoint
ALTER TABLE "record_people" ADD CONSTRAINT "record_people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_people" ADD CONSTRAINT "record_people_tenant_id_record_id_records_tenant_id_id_fk" FOREIGN KEY ("tenant_id","record_id") REFERENCES "public"."records"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_people" ADD CONSTRAINT "record_people_tenant_id_employee_id_employees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_tenant_id_category_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_tenant_id_subcategory_id_master_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subcategory_id") REFERENCES "public"."master_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_tenant_id_assignee_user_id_user_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignee_user_id") REFERENCES "public"."user_accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_people_employee_idx" ON "record_people" USING btree ("tenant_id","employee_id","role","record_id");--> statement-breakpoint
CREATE INDEX "records_recorded_idx" ON "records" USING btree ("tenant_id","recorded_on","id");--> statement-breakpoint
CREATE INDEX "records_category_idx" ON "records" USING btree ("tenant_id","category_id","recorded_on");--> statement-breakpoint
CREATE INDEX "records_open_due_idx" ON "records" USING btree ("tenant_id","due_on") WHERE "records"."completed_at" is null and "records"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "records_remind_idx" ON "records" USING btree ("due_on") WHERE "records"."completed_at" is null and "records"."assignee_user_id" is not null and "records"."reminder_sent_on" is null;