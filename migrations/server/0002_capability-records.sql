CREATE TABLE "appointments" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"vehicle_uid" text,
	"advisor" text,
	"date" text,
	"slot" text,
	"kind" text,
	"work_requested" text,
	"status" text,
	"source" text,
	"work_item_uid" text,
	"created_by" text,
	"created_at" text,
	"checked_in_at" text,
	CONSTRAINT "appointments_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "call_records" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"direction" text,
	"local_number" text,
	"remote_number" text,
	"remote_normalized" text,
	"customer_uid" text,
	"vehicle_uid" text,
	"agent" text,
	"queue" text,
	"ivr_choice" text,
	"ring_at" text,
	"answer_at" text,
	"end_at" text,
	"talk_seconds" bigint,
	"disposition" text,
	"notes" text,
	"inquiry_category" text,
	"outcome" text,
	"transferred_to" text,
	CONSTRAINT "call_records_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "kb_article_versions" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"article_uid" text,
	"version" bigint,
	"title" text,
	"body" text,
	"fields" text,
	"editor" text,
	"note" text,
	"created_at" text,
	CONSTRAINT "kb_article_versions_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"slug" text,
	"title" text,
	"body" text,
	"category" text,
	"tags" text,
	"models" text,
	"mileage_min" bigint,
	"mileage_max" bigint,
	"age_min_months" bigint,
	"age_max_months" bigint,
	"status" text,
	"author" text,
	"version" bigint,
	"extra" text,
	"created_at" text,
	"updated_at" text,
	"updated_by" text,
	CONSTRAINT "kb_articles_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "work_item_history" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"work_item_uid" text,
	"at" text,
	"actor" text,
	"action" text,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" text,
	CONSTRAINT "work_item_history_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text,
	"status" text,
	"title" text,
	"description" text,
	"category" text,
	"department" text,
	"priority" text,
	"owner" text,
	"created_by" text,
	"customer_uid" text,
	"vehicle_uid" text,
	"deadline_at" text,
	"sort_at" text,
	"replied_at" text,
	"closed_at" text,
	"fields" text,
	"importance" text,
	"alarms_fired" text,
	"attempts" bigint,
	"source_key" text,
	"created_at" text,
	CONSTRAINT "work_items_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE INDEX "appointments_rev" ON "appointments" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "appointments_customer" ON "appointments" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "appointments_vehicle" ON "appointments" USING btree ("dealership_id","vehicle_uid");--> statement-breakpoint
CREATE INDEX "appointments_work_item" ON "appointments" USING btree ("dealership_id","work_item_uid");--> statement-breakpoint
CREATE INDEX "call_records_rev" ON "call_records" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "call_records_customer" ON "call_records" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "call_records_vehicle" ON "call_records" USING btree ("dealership_id","vehicle_uid");--> statement-breakpoint
CREATE INDEX "kb_article_versions_rev" ON "kb_article_versions" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "kb_article_versions_article" ON "kb_article_versions" USING btree ("dealership_id","article_uid");--> statement-breakpoint
CREATE INDEX "kb_articles_rev" ON "kb_articles" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "work_item_history_rev" ON "work_item_history" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "work_item_history_work_item" ON "work_item_history" USING btree ("dealership_id","work_item_uid");--> statement-breakpoint
CREATE INDEX "work_items_rev" ON "work_items" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "work_items_customer" ON "work_items" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "work_items_vehicle" ON "work_items" USING btree ("dealership_id","vehicle_uid");