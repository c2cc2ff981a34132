"""The shared test corpus (../shared/corpus) as part of the test suite: scoring our parser in-process and making
our own layout variants of the corpus texts. Nothing of the corpus is copied into the repository."""
