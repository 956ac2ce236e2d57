ALTER TABLE "import_errors" ADD COLUMN IF NOT EXISTS "employee_number" text;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN IF NOT EXISTS "employee_name" text;