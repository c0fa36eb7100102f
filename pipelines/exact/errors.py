"""The Exact Online client's errors (messages are redacted and written for a person)."""

from __future__ import annotations

from pipelines.errors import OperatorError
from pipelines.exact.tokens import connect_hint

CONNECT_HINT = connect_hint("exact")  # the one wording, shared with the token file's messages


class ExactError(OperatorError):
    """Base of the client's errors."""


class ExactApiError(ExactError):
    """Exact answered with an error status. `maybe_applied` is set when a POST failed in a way that
    leaves open whether Exact processed it (the writer must check before creating again)."""

    def __init__(
        self, status: int, message: str, *, method: str = "", path: str = "", maybe_applied: bool = False
    ) -> None:
        self.status, self.message, self.method, self.path = status, message, method, path
        self.maybe_applied = maybe_applied
        super().__init__(f"Exact Online {method} {path} -> HTTP {status}: {message}".replace("  ", " "))


class ExactBlockedError(ExactApiError):
    """Exact refused a division wholesale (a 403, or a 429 without rate-limit headers: the hourly error
    block), or such a block is still in force and the call was not sent. No call goes to the division
    until `until` (epoch seconds, client clock), in this run or a later one."""

    def __init__(self, status: int, message: str, *, division: int | None, until: float, path: str = "") -> None:
        self.status, self.message, self.method, self.path, self.maybe_applied = status, message, "", path, False
        self.division, self.until = division, until
        ExactError.__init__(self, message)


class ExactErrorBudgetError(ExactError):
    """Not sent: the endpoint already has as many errors this hour as the client allows (Exact blocks
    it for an hour after more than 10). Sending resumes at `until`."""

    def __init__(self, message: str, *, division: int | None, endpoint: str, until: float) -> None:
        self.division, self.endpoint, self.until = division, endpoint, until
        super().__init__(message)


class ExactAuthError(ExactError):
    """No usable access token: the message says why and what fixes it."""


class ExactTokenLimitError(ExactAuthError):
    """The daily cap of token calls is reached; not retried, it resets at `until` (00:00 UTC)."""

    def __init__(self, message: str, *, until: float) -> None:
        self.until = until
        super().__init__(message)


class ExactRateLimitError(ExactError):
    """The daily budget of a division is used up; waiting hours inside a run makes no sense."""


class ExactTransportError(ExactError):
    """Connection-level failure after the retries (or a POST that must not be retried)."""

    def __init__(self, message: str, *, maybe_applied: bool = False) -> None:
        self.maybe_applied = maybe_applied
        super().__init__(message)


# refused for one division (or one endpoint of it) before anything was applied: the rest goes on, the
# division's reads and writes wait for the next run
LIMITS = (ExactBlockedError, ExactErrorBudgetError, ExactRateLimitError)
