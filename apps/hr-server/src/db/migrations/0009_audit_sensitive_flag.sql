ALTER TABLE "audit_logs" ADD COLUMN IF NOT EXISTS "is_sensitive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Rows written before the flag: the 要配慮 section edits of the employee detail (replaceSection 'sensitive').
UPDATE "audit_logs" SET "is_sensitive" = true
WHERE NOT "is_sensitive" AND target_type = 'employee' AND (("before" ? 'sensitive') OR ("after" ? 'sensitive'));
