ALTER TABLE "training"."course_sessions" ADD COLUMN "prefecture" text;--> statement-breakpoint
ALTER TABLE "training"."course_sessions" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "courses_updated_idx" ON "training"."courses" USING btree ("organisation_id","updated_at","id");