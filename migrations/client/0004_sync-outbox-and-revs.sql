CREATE TABLE `sync_conflicts` (
	`uid` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 0 NOT NULL,
	`kind` text NOT NULL,
	`entity` text NOT NULL,
	`record_uid` text NOT NULL,
	`field` text,
	`lost_value` text,
	`won_value` text,
	`lost_rev` integer,
	`won_rev` integer,
	`lost_desk` text,
	`lost_user` text,
	`detected_at` text,
	`resolved` integer DEFAULT false NOT NULL,
	`resolved_by` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`resolved`,`detected_at`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`mutation_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`uid` text NOT NULL,
	`op` text NOT NULL,
	`fields` text NOT NULL,
	`base_rev` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_uid` ON `sync_outbox` (`uid`);--> statement-breakpoint
ALTER TABLE `customers` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `phones` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `phones` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `phones_uid` ON `phones` (`uid`);--> statement-breakpoint
ALTER TABLE `service_visits` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `service_visits_uid` ON `service_visits` (`uid`);--> statement-breakpoint
ALTER TABLE `vehicles` ADD `rev` integer DEFAULT 0 NOT NULL;