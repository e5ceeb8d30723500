CREATE TABLE "applied_mutations" (
	"dealership_id" integer NOT NULL,
	"desk_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"rev" bigint NOT NULL,
	"entity" text NOT NULL,
	"uid" text NOT NULL,
	"outcome" text NOT NULL,
	"user_id" integer,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applied_mutations_desk_id_mutation_id_pk" PRIMARY KEY("desk_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"dealership_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_name" text,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text,
	"entity" text,
	"record_uid" text,
	"field" text,
	"lost_value" text,
	"won_value" text,
	"lost_rev" bigint,
	"won_rev" bigint,
	"lost_desk" text,
	"lost_user" text,
	"detected_at" text,
	"resolved" boolean,
	"resolved_by" text,
	"reason" text,
	CONSTRAINT "conflicts_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"name" text,
	"gender" text,
	"birthday" text,
	"district" text,
	"address" text,
	"email" text,
	"category" text,
	"membership_tier" text,
	"advisor" text,
	"custom_fields" text,
	"pinyin" text,
	"pinyin_initials" text,
	CONSTRAINT "customers_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "dealerships" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rev" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"id" text PRIMARY KEY NOT NULL,
	"dealership_id" integer NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"schema_version" integer NOT NULL,
	"last_user_id" integer,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"kind" text,
	"raw" text,
	"normalized" text,
	"is_primary" boolean,
	CONSTRAINT "phones_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "scope_moves" (
	"dealership_id" integer NOT NULL,
	"rev" bigint NOT NULL,
	"customer_uid" text NOT NULL,
	"from_advisor" text,
	"to_advisor" text,
	CONSTRAINT "scope_moves_dealership_id_rev_pk" PRIMARY KEY("dealership_id","rev")
);
--> statement-breakpoint
CREATE TABLE "service_visits" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"vehicle_uid" text,
	"visit_date" text,
	"kind" text,
	"mileage_km" integer,
	"advisor" text,
	"amount_yuan" double precision,
	"by_appointment" boolean,
	CONSTRAINT "service_visits_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"desk_id" text NOT NULL,
	"refresh_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"dealership_id" integer NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"advisor_name" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles" (
	"dealership_id" integer NOT NULL,
	"uid" text NOT NULL,
	"rev" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_revs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_uid" text,
	"plate" text,
	"vin" text,
	"brand" text,
	"model" text,
	"model_year" integer,
	"colour" text,
	"purchase_date" text,
	"mileage_km" integer,
	"mileage_date" text,
	"warranty_end" text,
	"insurance_company" text,
	"insurance_expiry" text,
	"next_inspection" text,
	"next_service_date" text,
	"next_service_km" integer,
	CONSTRAINT "vehicles_dealership_id_uid_pk" PRIMARY KEY("dealership_id","uid")
);
--> statement-breakpoint
ALTER TABLE "desks" ADD CONSTRAINT "desks_dealership_id_dealerships_id_fk" FOREIGN KEY ("dealership_id") REFERENCES "public"."dealerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_dealership_id_dealerships_id_fk" FOREIGN KEY ("dealership_id") REFERENCES "public"."dealerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applied_mutations_rev" ON "applied_mutations" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("dealership_id","at");--> statement-breakpoint
CREATE INDEX "conflicts_rev" ON "conflicts" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "customers_rev" ON "customers" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_number" ON "customers" USING btree ("dealership_id","number") WHERE NOT "customers"."deleted";--> statement-breakpoint
CREATE INDEX "customers_advisor" ON "customers" USING btree ("dealership_id","advisor");--> statement-breakpoint
CREATE INDEX "phones_rev" ON "phones" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "phones_customer" ON "phones" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "service_visits_rev" ON "service_visits" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "service_visits_customer" ON "service_visits" USING btree ("dealership_id","customer_uid");--> statement-breakpoint
CREATE INDEX "service_visits_vehicle" ON "service_visits" USING btree ("dealership_id","vehicle_uid");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "vehicles_rev" ON "vehicles" USING btree ("dealership_id","rev");--> statement-breakpoint
CREATE INDEX "vehicles_customer" ON "vehicles" USING btree ("dealership_id","customer_uid");