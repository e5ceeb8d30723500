-- The name, pinyin and initials probes cover the name they show (see 0013). IF EXISTS: a desk
-- upgraded in the middle of its initial sync has these dropped.

DROP INDEX IF EXISTS `customers_name_reversed`;--> statement-breakpoint
DROP INDEX IF EXISTS `customers_pinyin`;--> statement-breakpoint
DROP INDEX IF EXISTS `customers_pinyin_initials`;--> statement-breakpoint
CREATE INDEX `customers_name_reversed` ON `customers` (`name_reversed`,`name`);--> statement-breakpoint
CREATE INDEX `customers_pinyin` ON `customers` (`pinyin`,`name`);--> statement-breakpoint
CREATE INDEX `customers_pinyin_initials` ON `customers` (`pinyin_initials`,`name`);