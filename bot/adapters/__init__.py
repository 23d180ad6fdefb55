"""Adapters: HTTP fetching, feed parsing, storage, Slack and the console."""
