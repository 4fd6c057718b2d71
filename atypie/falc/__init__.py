"""Plain language (FALC): rule-by-rule checking, rewriting, meaning check and rendering."""
