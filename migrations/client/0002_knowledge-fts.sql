-- Full-text tables of the knowledge base (issue 7); rowid = kb_articles.id. Text is segmented
-- in JS (jieba, src-main/knowledge/segmenter.ts) and stored space-joined, so unicode61 only
-- splits on the spaces and folds case. `body` holds the precise segmentation (read back by
-- snippet()); `subwords` the shorter words inside long ones that search mode adds (刹车片 → 刹车).
-- kb_grams holds sound bigrams (src-shared/domain/knowledge/grams.ts) for the fallback; it only
-- matches and ranks, so it is contentless (but keeps positions: with detail=column, bm25 scores
-- every match 0). The *_terms tables give each word's document
-- count per column, so a search can see in advance how many rows bm25 would have to score.
CREATE VIRTUAL TABLE `kb_fts` USING fts5(title, body, keywords, subwords, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `kb_grams` USING fts5(title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''');
--> statement-breakpoint
CREATE VIRTUAL TABLE `kb_fts_terms` USING fts5vocab(kb_fts, col);
--> statement-breakpoint
CREATE VIRTUAL TABLE `kb_grams_terms` USING fts5vocab(kb_grams, col);
--> statement-breakpoint
CREATE TRIGGER `kb_articles_fts_delete` AFTER DELETE ON `kb_articles` BEGIN
  DELETE FROM kb_fts WHERE rowid = old.id;
  DELETE FROM kb_grams WHERE rowid = old.id;
END;
