-- drizzle-kit cannot name the old primary key: it is PostgreSQL's default for `id uuid primary key`.
-- The tenant column leads the key (Citus co-location, #14; scripts/rls-catalog.test.ts checks it).
ALTER TABLE "training"."audit_logs" DROP CONSTRAINT "audit_logs_pkey";--> statement-breakpoint
ALTER TABLE "training"."audit_logs" ADD CONSTRAINT "audit_logs_organisation_id_id_pk" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
CREATE INDEX "audit_logs_target_idx" ON "training"."audit_logs" USING btree ("organisation_id","target_type","target_id");
