CREATE TABLE "kb_attachments" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"article_uid" text,
	"name" text,
	"mime" text,
	"size" bigint,
	"sha256" text,
	"created_at" text,
	CONSTRAINT "kb_attachments_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE INDEX "kb_attachments_rev" ON "kb_attachments" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "kb_attachments_article" ON "kb_attachments" USING btree ("dealership_id","article_uid");