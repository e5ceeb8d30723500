CREATE TABLE "sms_replies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sms_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dealership_id" integer NOT NULL,
	"provider" text NOT NULL,
	"provider_id" text NOT NULL,
	"from_number" text NOT NULL,
	"text" text NOT NULL,
	"received_at" text NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"claims" integer DEFAULT 0 NOT NULL,
	"declined_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"acked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_reply_endpoints" (
	"dealership_id" integer PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sms_replies_provider_id" ON "sms_replies" USING btree ("dealership_id","provider","provider_id");--> statement-breakpoint
CREATE INDEX "sms_replies_pending" ON "sms_replies" USING btree ("dealership_id","id") WHERE "sms_replies"."acked_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_reply_endpoints_secret" ON "sms_reply_endpoints" USING btree ("secret_hash");