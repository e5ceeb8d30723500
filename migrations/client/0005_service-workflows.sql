CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`advisor` text NOT NULL,
	`date` text NOT NULL,
	`slot` text NOT NULL,
	`kind` text NOT NULL,
	`work_requested` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`source` text DEFAULT 'phone' NOT NULL,
	`work_item_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`checked_in_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_uid` ON `appointments` (`uid`);--> statement-breakpoint
CREATE INDEX `appointments_day` ON `appointments` (`date`,`advisor`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_customer` ON `appointments` (`customer_id`,`date`);--> statement-breakpoint
CREATE TABLE `message_opt_outs` (
	`address` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`at` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`provider_template_code` text,
	`expects_reply` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`customer_id` integer,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`address` text NOT NULL,
	`template_id` text,
	`purpose` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`params` text,
	`status` text NOT NULL,
	`reason` text,
	`not_before` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`provider_id` text,
	`error` text,
	`expects_reply` text,
	`reply_to` integer,
	`parsed` text,
	`work_item_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_uid` ON `messages` (`uid`);--> statement-breakpoint
CREATE INDEX `messages_outbox` ON `messages` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `messages_customer` ON `messages` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_address` ON `messages` (`address`,`created_at`);--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`purpose` text NOT NULL,
	`definition` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`work_item_id` integer NOT NULL,
	`questionnaire_id` text NOT NULL,
	`survey_id` integer,
	`customer_id` integer,
	`answers` text NOT NULL,
	`satisfied` integer NOT NULL,
	`agent` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_answers_uid_unique` ON `survey_answers` (`uid`);--> statement-breakpoint
CREATE INDEX `survey_answers_questionnaire` ON `survey_answers` (`questionnaire_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `survey_answers_survey` ON `survey_answers` (`survey_id`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`name` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`segment` text NOT NULL,
	`share` real NOT NULL,
	`seed` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_uid_unique` ON `surveys` (`uid`);--> statement-breakpoint
CREATE TABLE `work_item_attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`work_item_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `work_item_attachments_item` ON `work_item_attachments` (`work_item_id`);--> statement-breakpoint
CREATE TABLE `work_item_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`work_item_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`data` text,
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_item_history_uid` ON `work_item_history` (`uid`);--> statement-breakpoint
CREATE INDEX `work_item_history_item` ON `work_item_history` (`work_item_id`,`at`);--> statement-breakpoint
CREATE TABLE `work_item_links` (
	`work_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	PRIMARY KEY(`work_item_id`, `kind`, `ref`),
	FOREIGN KEY (`work_item_id`) REFERENCES `work_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `work_item_links_ref` ON `work_item_links` (`kind`,`ref`);--> statement-breakpoint
CREATE TABLE `work_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text,
	`department` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`owner` text,
	`created_by` text NOT NULL,
	`customer_id` integer,
	`vehicle_id` integer,
	`deadline_at` text,
	`sort_at` text NOT NULL,
	`replied_at` text,
	`closed_at` text,
	`fields` text DEFAULT '{}' NOT NULL,
	`importance` text DEFAULT '[]' NOT NULL,
	`alarms_fired` text DEFAULT '[]' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`source_key` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_items_uid` ON `work_items` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_items_source_key` ON `work_items` (`source_key`);--> statement-breakpoint
CREATE INDEX `work_items_owner_queue` ON `work_items` (`owner`,`open`,`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `work_items_kind_queue` ON `work_items` (`kind`,`open`,`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `work_items_department_queue` ON `work_items` (`department`,`open`,`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `work_items_customer` ON `work_items` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `work_items_deadline` ON `work_items` (`open`,`deadline_at`);