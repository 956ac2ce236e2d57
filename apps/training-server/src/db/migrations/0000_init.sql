CREATE SCHEMA "training";
--> statement-breakpoint
CREATE TABLE "training"."audit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"target_type" text NOT NULL,
	"actor_user_id" uuid,
	"target_id" text,
	"before" jsonb,
	"actor_label" text NOT NULL,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "training"."organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training"."login_throttles" (
	"source" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"organisation_id" uuid NOT NULL,
	"locked_until" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_success_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_throttles_organisation_id_user_id_source_pk" PRIMARY KEY("organisation_id","user_id","source")
);
--> statement-breakpoint
CREATE TABLE "training"."sessions" (
	"id_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_organisation_id_id_hash_pk" PRIMARY KEY("organisation_id","id_hash")
);
--> statement-breakpoint
CREATE TABLE "training"."users" (
	"login_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"password_changed_at" timestamp with time zone,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"name_kana" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"system_role" text DEFAULT 'general' NOT NULL,
	"password_hash" text,
	"department_name" text,
	CONSTRAINT "users_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "users_login_id_uq" UNIQUE("organisation_id","login_id")
);
--> statement-breakpoint
ALTER TABLE "training"."audit_logs" ADD CONSTRAINT "audit_logs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."login_throttles" ADD CONSTRAINT "login_throttles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."login_throttles" ADD CONSTRAINT "login_throttles_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD CONSTRAINT "sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD CONSTRAINT "sessions_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;