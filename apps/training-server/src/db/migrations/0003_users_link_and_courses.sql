CREATE TABLE "training"."course_sessions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_kind" text NOT NULL,
	"city" text,
	"place" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"apply_deadline" timestamp with time zone NOT NULL,
	"cancel_deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sessions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "course_sessions_capacity_ck" CHECK ("training"."course_sessions"."capacity" > 0 and "training"."course_sessions"."seats_taken" between 0 and "training"."course_sessions"."capacity"),
	CONSTRAINT "course_sessions_time_ck" CHECK ("training"."course_sessions"."ends_at" > "training"."course_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "training"."courses" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"fee" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "courses_code_uq" UNIQUE("organisation_id","code"),
	CONSTRAINT "courses_fee_ck" CHECK ("training"."courses"."fee" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training"."users" ADD COLUMN "gender" text DEFAULT 'unanswered' NOT NULL;--> statement-breakpoint
ALTER TABLE "training"."users" ADD COLUMN "approver_id" uuid;--> statement-breakpoint
ALTER TABLE "training"."users" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "training"."users" ADD COLUMN "linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training"."course_sessions" ADD CONSTRAINT "course_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."course_sessions" ADD CONSTRAINT "course_sessions_course_fk" FOREIGN KEY ("organisation_id","course_id") REFERENCES "training"."courses"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."courses" ADD CONSTRAINT "courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "training"."course_sessions" USING btree ("organisation_id","course_id","starts_at");--> statement-breakpoint
CREATE INDEX "course_sessions_starts_idx" ON "training"."course_sessions" USING btree ("organisation_id","starts_at");--> statement-breakpoint
ALTER TABLE "training"."users" ADD CONSTRAINT "users_approver_fk" FOREIGN KEY ("organisation_id","approver_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_approver_idx" ON "training"."users" USING btree ("organisation_id","approver_id");--> statement-breakpoint
ALTER TABLE "training"."users" ADD CONSTRAINT "users_external_id_uq" UNIQUE("organisation_id","external_id");