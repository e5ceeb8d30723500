-- Lookup indexes that cover their probes (an encrypted desk decrypts every table page a lookup
-- touches). IF EXISTS: a desk upgraded in the middle of its initial sync has these dropped.

DROP INDEX IF EXISTS `phones_customer`;--> statement-breakpoint
DROP INDEX IF EXISTS `phones_normalized`;--> statement-breakpoint
DROP INDEX IF EXISTS `phones_reversed`;--> statement-breakpoint
CREATE INDEX `phones_customer` ON `phones` (`customer_id`,`is_primary`,`normalized`);--> statement-breakpoint
CREATE INDEX `phones_normalized` ON `phones` (`normalized`,`customer_id`);--> statement-breakpoint
CREATE INDEX `phones_reversed` ON `phones` (`reversed`,`customer_id`,`normalized`);--> statement-breakpoint
DROP INDEX IF EXISTS `vehicles_customer`;--> statement-breakpoint
DROP INDEX IF EXISTS `vehicles_plate_local`;--> statement-breakpoint
DROP INDEX IF EXISTS `vehicles_plate_reversed`;--> statement-breakpoint
DROP INDEX IF EXISTS `vehicles_vin_reversed`;--> statement-breakpoint
CREATE INDEX `vehicles_customer` ON `vehicles` (`customer_id`,`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_local` ON `vehicles` (`plate_local`,`customer_id`,`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_reversed` ON `vehicles` (`plate_reversed`,`customer_id`,`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_vin_reversed` ON `vehicles` (`vin_reversed`,`customer_id`,`vin`);