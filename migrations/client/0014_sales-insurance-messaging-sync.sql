PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_quality_comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`rev` integer DEFAULT 0 NOT NULL,
	`recording_id` integer,
	`recording_uid` text NOT NULL,
	`call_uid` text,
	`at_ms` integer NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Comments and reviews now sync: each gets a uid and names its recording by the recording's uid.
INSERT INTO `__new_quality_comments`("id", "uid", "rev", "recording_id", "recording_uid", "call_uid", "at_ms", "author", "text", "created_at")
  SELECT q."id", lower(hex(randomblob(16))), 0, q."recording_id", r."uid", r."call_uid", q."at_ms", q."author", q."text", q."created_at" FROM `quality_comments` q JOIN `recordings` r ON r."id" = q."recording_id";--> statement-breakpoint
DROP TABLE `quality_comments`;--> statement-breakpoint
ALTER TABLE `__new_quality_comments` RENAME TO `quality_comments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `quality_comments_uid` ON `quality_comments` (`uid`);--> statement-breakpoint
CREATE INDEX `quality_comments_recording` ON `quality_comments` (`recording_id`,`at_ms`);--> statement-breakpoint
CREATE INDEX `quality_comments_recording_uid` ON `quality_comments` (`recording_uid`);--> statement-breakpoint
CREATE TABLE `__new_quality_reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`rev` integer DEFAULT 0 NOT NULL,
	`recording_id` integer,
	`recording_uid` text NOT NULL,
	`call_uid` text,
	`agent` text NOT NULL,
	`month` text NOT NULL,
	`reviewer` text NOT NULL,
	`scores` text NOT NULL,
	`total` real,
	`note` text,
	`reviewed_at` text NOT NULL,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_quality_reviews`("id", "uid", "rev", "recording_id", "recording_uid", "call_uid", "agent", "month", "reviewer", "scores", "total", "note", "reviewed_at")
  SELECT q."id", lower(hex(randomblob(16))), 0, q."recording_id", r."uid", r."call_uid", q."agent", q."month", q."reviewer", q."scores", q."total", q."note", q."reviewed_at" FROM `quality_reviews` q JOIN `recordings` r ON r."id" = q."recording_id";--> statement-breakpoint
DROP TABLE `quality_reviews`;--> statement-breakpoint
ALTER TABLE `__new_quality_reviews` RENAME TO `quality_reviews`;--> statement-breakpoint
CREATE UNIQUE INDEX `quality_reviews_uid` ON `quality_reviews` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `quality_reviews_recording` ON `quality_reviews` (`recording_id`);--> statement-breakpoint
CREATE INDEX `quality_reviews_recording_uid` ON `quality_reviews` (`recording_uid`);--> statement-breakpoint
CREATE INDEX `quality_reviews_month_agent` ON `quality_reviews` (`month`,`agent`);--> statement-breakpoint
ALTER TABLE `message_opt_outs` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `message_opt_outs` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `message_opt_outs_uid_unique` ON `message_opt_outs` (`uid`);--> statement-breakpoint
ALTER TABLE `message_templates` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `message_templates` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `message_templates_uid_unique` ON `message_templates` (`uid`);--> statement-breakpoint
ALTER TABLE `messages` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `reply_to_uid` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `queued_here` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every message already here was queued or received by this desk: it alone sends its outbox.
UPDATE `messages` SET `queued_here` = 1;--> statement-breakpoint
UPDATE `messages` SET `reply_to_uid` = (SELECT m.`uid` FROM `messages` m WHERE m.`id` = `messages`.`reply_to`) WHERE `reply_to` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_uid_unique` ON `questionnaires` (`uid`);--> statement-breakpoint
ALTER TABLE `survey_answers` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `surveys` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `arrival_requests` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales_contracts` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales_orders` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_cars` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `policies` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `policy_items` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `policy_items` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `policy_items` SET `uid` = lower(hex(randomblob(16)));--> statement-breakpoint
CREATE UNIQUE INDEX `policy_items_uid` ON `policy_items` (`uid`);--> statement-breakpoint
ALTER TABLE `renewals` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `renewals` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `renewals_uid` ON `renewals` (`uid`);--> statement-breakpoint
ALTER TABLE `membership_points` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `membership_points` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Earned points are keyed by the visit's uid, which every desk shares (was this desk's visit id);
-- their uid derives from the key when the desk opens (recordUids.membershipPoints), others get one here.
UPDATE `membership_points` SET `source_key` = 'visit:' || (SELECT v.`uid` FROM `service_visits` v WHERE v.`id` = CAST(substr(`membership_points`.`source_key`, 7) AS INTEGER))
  WHERE `source_key` GLOB 'visit:[0-9]*' AND EXISTS (SELECT 1 FROM `service_visits` v WHERE v.`id` = CAST(substr(`membership_points`.`source_key`, 7) AS INTEGER));--> statement-breakpoint
UPDATE `membership_points` SET `uid` = lower(hex(randomblob(16))) WHERE `source_key` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `membership_points_uid` ON `membership_points` (`uid`);--> statement-breakpoint
ALTER TABLE `win_backs` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `win_backs` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `win_backs_uid` ON `win_backs` (`uid`);