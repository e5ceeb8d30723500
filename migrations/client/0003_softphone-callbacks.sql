CREATE TABLE `callbacks` (
	`id` integer PRIMARY KEY NOT NULL,
	`call_uid` text,
	`customer_id` integer,
	`phone` text NOT NULL,
	`due_at` text NOT NULL,
	`note` text,
	`agent` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `callbacks_due` ON `callbacks` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `call_log` ADD `inquiry_category` text;--> statement-breakpoint
ALTER TABLE `call_log` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `call_log` ADD `transferred_to` text;