"""Slack Block Kit rendering: pure functions from plain data to messages, with every
piece of feed text escaped. Used by alerting and delivery as well as the listeners."""
