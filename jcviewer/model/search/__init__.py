"""Search: a positional character index (exact substring recall), BM25 ranking, synonyms, word boundaries."""
