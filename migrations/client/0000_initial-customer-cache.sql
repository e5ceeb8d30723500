CREATE TABLE `advisors` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`group_name` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advisors_code_unique` ON `advisors` (`code`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`name_reversed` text NOT NULL,
	`pinyin` text NOT NULL,
	`pinyin_initials` text NOT NULL,
	`gender` text,
	`birthday` text,
	`district` text,
	`address` text,
	`email` text,
	`category` text,
	`membership_tier` text,
	`advisor_id` integer,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`advisor_id`) REFERENCES `advisors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_uid` ON `customers` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_number` ON `customers` (`number`);--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_name_reversed` ON `customers` (`name_reversed`);--> statement-breakpoint
CREATE INDEX `customers_pinyin` ON `customers` (`pinyin`);--> statement-breakpoint
CREATE INDEX `customers_pinyin_initials` ON `customers` (`pinyin_initials`);--> statement-breakpoint
CREATE TABLE `phones` (
	`id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`raw` text NOT NULL,
	`normalized` text NOT NULL,
	`reversed` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phones_customer` ON `phones` (`customer_id`);--> statement-breakpoint
CREATE INDEX `phones_normalized` ON `phones` (`normalized`);--> statement-breakpoint
CREATE INDEX `phones_reversed` ON `phones` (`reversed`);--> statement-breakpoint
CREATE TABLE `service_visits` (
	`id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer NOT NULL,
	`visit_date` text NOT NULL,
	`kind` text NOT NULL,
	`mileage_km` integer,
	`advisor` text,
	`amount_yuan` real,
	`by_appointment` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_visits_customer_date` ON `service_visits` (`customer_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `service_visits_vehicle` ON `service_visits` (`vehicle_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`customer_id` integer NOT NULL,
	`plate` text,
	`plate_local` text,
	`plate_reversed` text,
	`vin` text,
	`vin_reversed` text,
	`brand` text,
	`model` text,
	`model_year` integer,
	`colour` text,
	`purchase_date` text,
	`mileage_km` integer,
	`mileage_date` text,
	`warranty_end` text,
	`insurance_company` text,
	`insurance_expiry` text,
	`next_inspection` text,
	`next_service_date` text,
	`next_service_km` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_uid` ON `vehicles` (`uid`);--> statement-breakpoint
CREATE INDEX `vehicles_customer` ON `vehicles` (`customer_id`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_local` ON `vehicles` (`plate_local`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_reversed` ON `vehicles` (`plate_reversed`);--> statement-breakpoint
CREATE INDEX `vehicles_vin_reversed` ON `vehicles` (`vin_reversed`);--> statement-breakpoint
CREATE TABLE `call_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`direction` text NOT NULL,
	`local_number` text,
	`remote_number` text NOT NULL,
	`remote_normalized` text,
	`customer_id` integer,
	`vehicle_id` integer,
	`agent` text,
	`queue` text,
	`ivr_choice` text,
	`ring_at` text NOT NULL,
	`answer_at` text,
	`end_at` text,
	`talk_seconds` integer,
	`disposition` text,
	`notes` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `call_log_uid_unique` ON `call_log` (`uid`);--> statement-breakpoint
CREATE INDEX `call_log_customer` ON `call_log` (`customer_id`,`ring_at`);--> statement-breakpoint
CREATE INDEX `call_log_ring_at` ON `call_log` (`ring_at`);