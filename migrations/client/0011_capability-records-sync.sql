CREATE TABLE `sync_apply_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`applying` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `kb_article_versions_article`;--> statement-breakpoint
ALTER TABLE `kb_article_versions` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `kb_article_versions` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Versions written before sync existed get a uid (history rows are synced records now).
UPDATE `kb_article_versions` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `kb_article_versions_uid` ON `kb_article_versions` (`uid`);--> statement-breakpoint
CREATE INDEX `kb_article_versions_article` ON `kb_article_versions` (`article_id`,`version`);--> statement-breakpoint
ALTER TABLE `call_log` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `kb_articles` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `work_item_history` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `work_items` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
INSERT INTO `sync_apply_state` (`id`, `applying`) VALUES (1, 0);
