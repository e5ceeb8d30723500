CREATE TABLE "arrival_requests" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"lead_uid" text,
	"model" text,
	"trim" text,
	"colour" text,
	"consultant" text,
	"status" text,
	"notified_stock_uid" text,
	"created_at" text,
	CONSTRAINT "arrival_requests_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"order_uid" text,
	"customer_uid" text,
	"vehicle_uid" text,
	"planned_date" text,
	"actual_date" text,
	"consultant" text,
	"status" text,
	"created_at" text,
	CONSTRAINT "deliveries_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"source" text,
	"models" text,
	"budget_yuan" double precision,
	"stage" text,
	"furthest_stage" text,
	"lost_reason" text,
	"consultant" text,
	"next_step" text,
	"next_step_date" text,
	"created_by" text,
	"created_at" text,
	"updated_at" text,
	CONSTRAINT "leads_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "membership_points" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"points" bigint,
	"reason" text,
	"source_key" text,
	"at" text,
	"created_by" text,
	CONSTRAINT "membership_points_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "message_opt_outs" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address" text,
	"scope" text,
	"at" text,
	"source" text,
	CONSTRAINT "message_opt_outs_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"template_id" text,
	"title" text,
	"channel" text,
	"purpose" text,
	"subject" text,
	"body" text,
	"provider_template_code" text,
	"expects_reply" text,
	"updated_at" text,
	"updated_by" text,
	CONSTRAINT "message_templates_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"channel" text,
	"direction" text,
	"address" text,
	"template_id" text,
	"purpose" text,
	"subject" text,
	"body" text,
	"params" text,
	"status" text,
	"reason" text,
	"not_before" text,
	"attempts" bigint,
	"provider_id" text,
	"error" text,
	"expects_reply" text,
	"reply_to" text,
	"parsed" text,
	"work_item_uid" text,
	"created_by" text,
	"created_at" text,
	"sent_at" text,
	CONSTRAINT "messages_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vehicle_uid" text,
	"customer_uid" text,
	"insurer" text,
	"policy_number" text,
	"kind" text,
	"start_date" text,
	"end_date" text,
	"premium_yuan" double precision,
	"created_at" text,
	CONSTRAINT "policies_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "policy_items" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy_uid" text,
	"code" text,
	"sum_insured_yuan" double precision,
	"premium_yuan" double precision,
	CONSTRAINT "policy_items_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "quality_comments" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recording" text,
	"call_uid" text,
	"at_ms" bigint,
	"author" text,
	"body" text,
	"created_at" text,
	CONSTRAINT "quality_comments_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "quality_reviews" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recording" text,
	"call_uid" text,
	"agent" text,
	"month" text,
	"reviewer" text,
	"scores" text,
	"total" double precision,
	"note" text,
	"reviewed_at" text,
	CONSTRAINT "quality_reviews_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"questionnaire_id" text,
	"title" text,
	"purpose" text,
	"definition" text,
	"updated_at" text,
	"updated_by" text,
	CONSTRAINT "questionnaires_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy_uid" text,
	"stage" text,
	"quote_yuan" double precision,
	"lost_reason" text,
	"note" text,
	"renewed_policy_uid" text,
	"agent" text,
	"expiry_date" text,
	"updated_at" text,
	CONSTRAINT "renewals_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "sales_contracts" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"order_uid" text,
	"status" text,
	"amount_yuan" double precision,
	"signed_date" text,
	"updated_at" text,
	CONSTRAINT "sales_contracts_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "sales_orders" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"customer_uid" text,
	"lead_uid" text,
	"model" text,
	"trim" text,
	"colour" text,
	"price_yuan" double precision,
	"deposit_yuan" double precision,
	"promised_date" text,
	"consultant" text,
	"status" text,
	"stock_uid" text,
	"order_date" text,
	"created_at" text,
	CONSTRAINT "sales_orders_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "stock_cars" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vin" text,
	"model" text,
	"trim" text,
	"colour" text,
	"status" text,
	"location" text,
	"price_yuan" double precision,
	"expected_arrival" text,
	"arrived_at" text,
	"updated_at" text,
	CONSTRAINT "stock_cars_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"work_item_uid" text,
	"questionnaire_id" text,
	"survey_uid" text,
	"customer_uid" text,
	"answers" text,
	"satisfied" boolean,
	"agent" text,
	"created_at" text,
	CONSTRAINT "survey_answers_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text,
	"questionnaire_id" text,
	"segment" text,
	"share" double precision,
	"seed" bigint,
	"created_by" text,
	"created_at" text,
	CONSTRAINT "surveys_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "win_backs" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"status" text,
	"churn_status" text,
	"last_visit" text,
	"reason" text,
	"note" text,
	"importance" text,
	"owner" text,
	"call_by" text,
	"outcome_at" text,
	"attempts" bigint,
	"created_at" text,
	"updated_at" text,
	CONSTRAINT "win_backs_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE INDEX "arrival_requests_rev" ON "arrival_requests" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "arrival_requests_customer" ON "arrival_requests" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "arrival_requests_lead" ON "arrival_requests" USING btree ("dealership_id","lead_uid");--> statement-breakpoint
CREATE INDEX "arrival_requests_notified_stock" ON "arrival_requests" USING btree ("dealership_id","notified_stock_uid");--> statement-breakpoint
CREATE INDEX "deliveries_rev" ON "deliveries" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "deliveries_order" ON "deliveries" USING btree ("dealership_id","order_uid");--> statement-breakpoint
CREATE INDEX "deliveries_customer" ON "deliveries" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "deliveries_vehicle" ON "deliveries" USING btree ("dealership_id","vehicle_uid");--> statement-breakpoint
CREATE INDEX "leads_rev" ON "leads" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "leads_customer" ON "leads" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "membership_points_rev" ON "membership_points" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "membership_points_customer" ON "membership_points" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "message_opt_outs_rev" ON "message_opt_outs" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "message_templates_rev" ON "message_templates" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "messages_rev" ON "messages" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "messages_customer" ON "messages" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "messages_work_item" ON "messages" USING btree ("dealership_id","work_item_uid");--> statement-breakpoint
CREATE INDEX "policies_rev" ON "policies" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "policies_vehicle" ON "policies" USING btree ("dealership_id","vehicle_uid");--> statement-breakpoint
CREATE INDEX "policies_customer" ON "policies" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "policy_items_rev" ON "policy_items" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "policy_items_policy" ON "policy_items" USING btree ("dealership_id","policy_uid");--> statement-breakpoint
CREATE INDEX "quality_comments_rev" ON "quality_comments" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "quality_reviews_rev" ON "quality_reviews" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "questionnaires_rev" ON "questionnaires" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "renewals_rev" ON "renewals" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "renewals_policy" ON "renewals" USING btree ("dealership_id","policy_uid");--> statement-breakpoint
CREATE INDEX "renewals_renewed_policy" ON "renewals" USING btree ("dealership_id","renewed_policy_uid");--> statement-breakpoint
CREATE INDEX "sales_contracts_rev" ON "sales_contracts" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "sales_contracts_order" ON "sales_contracts" USING btree ("dealership_id","order_uid");--> statement-breakpoint
CREATE INDEX "sales_orders_rev" ON "sales_orders" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "sales_orders_customer" ON "sales_orders" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "sales_orders_lead" ON "sales_orders" USING btree ("dealership_id","lead_uid");--> statement-breakpoint
CREATE INDEX "sales_orders_stock" ON "sales_orders" USING btree ("dealership_id","stock_uid");--> statement-breakpoint
CREATE INDEX "stock_cars_rev" ON "stock_cars" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "survey_answers_rev" ON "survey_answers" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "survey_answers_work_item" ON "survey_answers" USING btree ("dealership_id","work_item_uid");--> statement-breakpoint
CREATE INDEX "survey_answers_survey" ON "survey_answers" USING btree ("dealership_id","survey_uid");--> statement-breakpoint
CREATE INDEX "survey_answers_customer" ON "survey_answers" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "surveys_rev" ON "surveys" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "win_backs_rev" ON "win_backs" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "win_backs_customer" ON "win_backs" USING btree ("dealership_id","customer_uid");