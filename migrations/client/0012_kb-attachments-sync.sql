ALTER TABLE `kb_attachments` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `kb_attachments` ADD `rev` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Attachments stored before they synced get a uid (attachment rows are synced records now).
UPDATE `kb_attachments` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `kb_attachments_uid` ON `kb_attachments` (`uid`);
