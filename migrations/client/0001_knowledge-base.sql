CREATE TABLE `kb_article_models` (
	`article_id` integer NOT NULL,
	`model_key` text NOT NULL,
	PRIMARY KEY(`article_id`, `model_key`),
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kb_article_models_key` ON `kb_article_models` (`model_key`);--> statement-breakpoint
CREATE TABLE `kb_article_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`fields` text NOT NULL,
	`editor` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_article_versions_article` ON `kb_article_versions` (`article_id`,`version`);--> statement-breakpoint
CREATE TABLE `kb_articles` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`models` text DEFAULT '[]' NOT NULL,
	`mileage_min` integer,
	`mileage_max` integer,
	`age_min_months` integer,
	`age_max_months` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`author` text,
	`version` integer DEFAULT 1 NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`source_text` text,
	`source_version` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_uid` ON `kb_articles` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_slug` ON `kb_articles` (`slug`);--> statement-breakpoint
CREATE INDEX `kb_articles_status_category` ON `kb_articles` (`status`,`category`,`updated_at`);--> statement-breakpoint
CREATE TABLE `kb_attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_attachments_article_name` ON `kb_attachments` (`article_id`,`name`);--> statement-breakpoint
CREATE INDEX `kb_attachments_sha256` ON `kb_attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `kb_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kb_synonyms` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`terms` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
