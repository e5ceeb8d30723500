-- A search hit's row (number, name, tier) is read from this index instead of the customer's
-- table page: on an encrypted desk a cold table page costs a decryption per hit (issue 9).
-- IF NOT EXISTS: a desk upgraded in the middle of its initial sync may have rebuilt it already.

CREATE INDEX IF NOT EXISTS `customers_search_hit` ON `customers` (`id`,`number`,`name`,`membership_tier`);
