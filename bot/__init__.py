"""privacy-bot: privacy and legal news for Slack."""

__version__ = "0.1.0"
