CREATE TABLE `quality_comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`recording_id` integer NOT NULL,
	`at_ms` integer NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quality_comments_recording` ON `quality_comments` (`recording_id`,`at_ms`);--> statement-breakpoint
CREATE TABLE `quality_reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`recording_id` integer NOT NULL,
	`agent` text NOT NULL,
	`month` text NOT NULL,
	`reviewer` text NOT NULL,
	`scores` text NOT NULL,
	`total` real,
	`note` text,
	`reviewed_at` text NOT NULL,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_reviews_recording` ON `quality_reviews` (`recording_id`);--> statement-breakpoint
CREATE INDEX `quality_reviews_month_agent` ON `quality_reviews` (`month`,`agent`);