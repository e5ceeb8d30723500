CREATE TABLE `arrival_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`customer_id` integer NOT NULL,
	`lead_id` integer,
	`model` text NOT NULL,
	`trim` text,
	`colour` text,
	`consultant` text,
	`status` text DEFAULT 'waiting' NOT NULL,
	`notified_stock_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `arrival_requests_uid` ON `arrival_requests` (`uid`);--> statement-breakpoint
CREATE INDEX `arrival_requests_waiting` ON `arrival_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`order_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`planned_date` text NOT NULL,
	`actual_date` text,
	`consultant` text,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `sales_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_uid` ON `deliveries` (`uid`);--> statement-breakpoint
CREATE INDEX `deliveries_order` ON `deliveries` (`order_id`);--> statement-breakpoint
CREATE INDEX `deliveries_planned` ON `deliveries` (`status`,`planned_date`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`customer_id` integer NOT NULL,
	`source` text NOT NULL,
	`models` text DEFAULT '[]' NOT NULL,
	`budget_yuan` real,
	`stage` text NOT NULL,
	`furthest_stage` text NOT NULL,
	`lost_reason` text,
	`consultant` text,
	`next_step` text,
	`next_step_date` text,
	`order_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_uid` ON `leads` (`uid`);--> statement-breakpoint
CREATE INDEX `leads_customer` ON `leads` (`customer_id`);--> statement-breakpoint
CREATE INDEX `leads_stage` ON `leads` (`stage`,`next_step_date`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`);--> statement-breakpoint
CREATE TABLE `sales_contracts` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`number` text NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`amount_yuan` real NOT NULL,
	`signed_date` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `sales_orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_contracts_uid` ON `sales_contracts` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_contracts_number` ON `sales_contracts` (`number`);--> statement-breakpoint
CREATE INDEX `sales_contracts_order` ON `sales_contracts` (`order_id`);--> statement-breakpoint
CREATE TABLE `sales_orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`lead_id` integer,
	`model` text NOT NULL,
	`trim` text,
	`colour` text,
	`price_yuan` real NOT NULL,
	`deposit_yuan` real DEFAULT 0 NOT NULL,
	`promised_date` text NOT NULL,
	`consultant` text,
	`status` text NOT NULL,
	`stock_id` integer,
	`order_date` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_orders_uid` ON `sales_orders` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_orders_number` ON `sales_orders` (`number`);--> statement-breakpoint
CREATE INDEX `sales_orders_status` ON `sales_orders` (`status`,`order_date`);--> statement-breakpoint
CREATE INDEX `sales_orders_customer` ON `sales_orders` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stock_cars` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`vin` text NOT NULL,
	`model` text NOT NULL,
	`trim` text,
	`colour` text,
	`status` text NOT NULL,
	`location` text,
	`price_yuan` real,
	`expected_arrival` text,
	`arrived_at` text,
	`order_id` integer,
	`search_key` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_cars_uid` ON `stock_cars` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_cars_vin` ON `stock_cars` (`vin`);--> statement-breakpoint
CREATE INDEX `stock_cars_search` ON `stock_cars` (`search_key`);--> statement-breakpoint
CREATE INDEX `stock_cars_status` ON `stock_cars` (`status`,`model`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`vehicle_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`insurer` text NOT NULL,
	`policy_number` text,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`premium_yuan` real DEFAULT 0 NOT NULL,
	`renews_policy_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policies_uid` ON `policies` (`uid`);--> statement-breakpoint
CREATE INDEX `policies_vehicle` ON `policies` (`vehicle_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `policies_end` ON `policies` (`end_date`);--> statement-breakpoint
CREATE TABLE `policy_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`policy_id` integer NOT NULL,
	`code` text NOT NULL,
	`sum_insured_yuan` real,
	`premium_yuan` real NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `policy_items_policy` ON `policy_items` (`policy_id`);--> statement-breakpoint
CREATE TABLE `renewals` (
	`id` integer PRIMARY KEY NOT NULL,
	`policy_id` integer NOT NULL,
	`stage` text NOT NULL,
	`quote_yuan` real,
	`lost_reason` text,
	`note` text,
	`renewed_policy_id` integer,
	`agent` text,
	`expiry_date` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `renewals_policy` ON `renewals` (`policy_id`);--> statement-breakpoint
CREATE INDEX `renewals_expiry` ON `renewals` (`expiry_date`,`stage`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`role` text NOT NULL,
	`action` text NOT NULL,
	`customer_id` integer,
	`reason` text,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `card_views` (
	`actor` text NOT NULL,
	`hour` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`alerted` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`actor`, `hour`)
);
--> statement-breakpoint
CREATE TABLE `churn_snapshot` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`advisor_id` integer,
	`visit_class` text NOT NULL,
	`status` text NOT NULL,
	`last_visit` text,
	`counts_against` integer NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `churn_snapshot_status` ON `churn_snapshot` (`status`,`last_visit`);--> statement-breakpoint
CREATE INDEX `churn_snapshot_advisor` ON `churn_snapshot` (`advisor_id`,`status`);--> statement-breakpoint
CREATE TABLE `kpi_monthly` (
	`metric` text NOT NULL,
	`month` text NOT NULL,
	`key` text NOT NULL,
	`value` real NOT NULL,
	`built_at` text NOT NULL,
	PRIMARY KEY(`metric`, `month`, `key`)
);
--> statement-breakpoint
CREATE TABLE `membership_points` (
	`id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`source_key` text,
	`at` text NOT NULL,
	`by` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `membership_points_customer` ON `membership_points` (`customer_id`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `membership_points_source` ON `membership_points` (`source_key`);--> statement-breakpoint
CREATE TABLE `win_backs` (
	`id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`status` text NOT NULL,
	`churn_status` text NOT NULL,
	`last_visit` text,
	`reason` text,
	`note` text,
	`importance` text DEFAULT '[]' NOT NULL,
	`owner` text,
	`call_by` text,
	`outcome_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `win_backs_customer` ON `win_backs` (`customer_id`);--> statement-breakpoint
CREATE INDEX `win_backs_status` ON `win_backs` (`status`,`call_by`);