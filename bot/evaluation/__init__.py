"""Measuring the classifier and the fact extractor against the labeled corpus."""
