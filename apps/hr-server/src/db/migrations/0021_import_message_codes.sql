-- Import messages as code + params (rendered in ja or en when read); the text of older rows stays as the fallback.
ALTER TABLE "import_errors" ALTER COLUMN "message" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "log_code" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "log_params" jsonb;