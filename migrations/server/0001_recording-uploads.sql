CREATE TABLE "recording_uploads" (
	"upload_id" text PRIMARY KEY NOT NULL,
	"dealership_id" integer NOT NULL,
	"recording_uid" text NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" text NOT NULL,
	"desk_id" text,
	"agent" text NOT NULL,
	"call_uid" text,
	"direction" text NOT NULL,
	"remote_number" text NOT NULL,
	"started_at" text NOT NULL,
	"duration_ms" integer,
	"mime_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"meta" jsonb NOT NULL,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"stored_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "recording_uploads_recording" ON "recording_uploads" USING btree ("dealership_id","recording_uid");--> statement-breakpoint
CREATE INDEX "recording_uploads_user" ON "recording_uploads" USING btree ("dealership_id","user_id");--> statement-breakpoint
CREATE INDEX "recording_uploads_started" ON "recording_uploads" USING btree ("dealership_id","started_at");