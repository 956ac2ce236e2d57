CREATE TABLE "training"."password_links" (
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_links_organisation_id_token_hash_pk" PRIMARY KEY("organisation_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "training"."users" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training"."password_links" ADD CONSTRAINT "password_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "training"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."password_links" ADD CONSTRAINT "password_links_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "training"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_links_user_idx" ON "training"."password_links" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "users_list_idx" ON "training"."users" USING btree ("organisation_id","name_kana","login_id");