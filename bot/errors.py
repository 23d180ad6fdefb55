"""The project's own exception tree; adapters translate library errors into these."""


class BotError(Exception):
    """Base of every error this project raises on purpose."""


class ConfigError(BotError):
    """Bad settings or a bad feeds file; the message names the variable or feed."""


class FetchError(BotError):
    """A feed could not be fetched; `reason` is readable by an operator."""

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class UnsafeURLError(FetchError):
    """An untrusted URL points at a scheme or address the bot must never fetch."""


class ParseError(BotError):
    """Fetched bytes are not a usable feed."""


class NotFoundError(BotError):
    """A case, story or feed named by a user does not exist."""


class DeliveryError(BotError):
    """Slack refused or failed a post; `retry_after` is set for rate limits."""

    def __init__(
        self, reason: str, *, retryable: bool = True, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after
