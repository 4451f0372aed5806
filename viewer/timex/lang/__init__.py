"""One folder per language: the lexicon and the rules the engine (``viewer/timex/engine``) compiles."""
