CREATE TABLE "training"."applications" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approver_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"cancel_reason" text,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"waitlisted_at" timestamp with time zone,
	"attendance" text,
	"note" text DEFAULT '' NOT NULL,
	"changed_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "applications_reject_reason_ck" CHECK ("training"."applications"."status" <> 'rejected' or "training"."applications"."reject_reason" is not null),
	CONSTRAINT "applications_cancel_reason_ck" CHECK ("training"."applications"."status" <> 'cancelled' or "training"."applications"."cancel_reason" is not null),
	CONSTRAINT "applications_waitlist_ck" CHECK ("training"."applications"."status" <> 'waitlisted' or "training"."applications"."waitlisted_at" is not null),
	CONSTRAINT "applications_attendance_ck" CHECK ("training"."applications"."attendance" is null or "training"."applications"."status" = 'confirmed')
);
--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_session_fk" FOREIGN KEY ("organisation_id","session_id") REFERENCES "training"."course_sessions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_approver_fk" FOREIGN KEY ("organisation_id","approver_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_decided_by_fk" FOREIGN KEY ("organisation_id","decided_by") REFERENCES "training"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."applications" ADD CONSTRAINT "applications_cancelled_by_fk" FOREIGN KEY ("organisation_id","cancelled_by") REFERENCES "training"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_live_uq" ON "training"."applications" USING btree ("organisation_id","session_id","user_id") WHERE status in ('pending', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE INDEX "applications_pending_idx" ON "training"."applications" USING btree ("organisation_id","approver_id","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "applications_session_idx" ON "training"."applications" USING btree ("organisation_id","session_id","status","waitlisted_at");--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "training"."applications" USING btree ("organisation_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_changes_idx" ON "training"."applications" USING btree ("organisation_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_created_idx" ON "training"."applications" USING btree ("organisation_id","created_at");