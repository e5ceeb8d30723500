CREATE TABLE `recording_pauses` (
	`id` integer PRIMARY KEY NOT NULL,
	`recording_id` integer NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recording_pauses_recording` ON `recording_pauses` (`recording_id`,`start_ms`);--> statement-breakpoint
CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`call_uid` text,
	`agent` text NOT NULL,
	`direction` text NOT NULL,
	`remote_number` text NOT NULL,
	`customer_id` integer,
	`vehicle_id` integer,
	`queue` text,
	`started_at` text NOT NULL,
	`ended_at` text,
	`duration_ms` integer,
	`bytes` integer DEFAULT 0 NOT NULL,
	`channels` integer DEFAULT 1 NOT NULL,
	`mime_type` text NOT NULL,
	`path` text NOT NULL,
	`status` text NOT NULL,
	`remuxed` integer DEFAULT false NOT NULL,
	`sha256` text,
	`upload_id` text,
	`uploaded_at` text,
	`upload_error` text,
	`upload_failures` integer DEFAULT 0 NOT NULL,
	`local_deleted_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_uid_unique` ON `recordings` (`uid`);--> statement-breakpoint
CREATE INDEX `recordings_started` ON `recordings` (`started_at`);--> statement-breakpoint
CREATE INDEX `recordings_agent_started` ON `recordings` (`agent`,`started_at`);--> statement-breakpoint
CREATE INDEX `recordings_call` ON `recordings` (`call_uid`);--> statement-breakpoint
CREATE INDEX `recordings_customer` ON `recordings` (`customer_id`);--> statement-breakpoint
CREATE INDEX `recordings_status` ON `recordings` (`status`);