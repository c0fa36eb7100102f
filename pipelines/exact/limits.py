"""Exact Online's limits for one client, in the client's clock and kept in the sync state
(pipelines/budgets.py, so the next process starts where this one stopped):

- rate windows: 60 calls a minute and 5,000 a day per division, announced by the X-RateLimit-* headers
  of every division answer (resets in epoch ms). The schedule spends a division's minute window, then
  sleeps until it resets, so a long run goes at the limit without collecting 429s, and a process
  started right after another (a push after an extract) knows what is left instead of starting blind;
- the hourly error limit: more than 10 errors (400/401/403/404) per division and endpoint in an hour
  block that endpoint for an hour. They are counted per (division, endpoint) in a rolling hour; once
  EXACT_ERROR_BUDGET (9) are counted, a call there is refused without being sent, so the block never
  happens because of us;
- blocks: a 403, or a 429 without rate-limit headers, means Exact has blocked the division (the status
  of a blocked call is unconfirmed): no call goes there for an hour. The daily cap of token calls
  blocks the token endpoint until 00:00 UTC.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime

from pipelines import clock as clocks
from pipelines import settings
from pipelines.budgets import ApiState, Window
from pipelines.exact.errors import (
    ExactAuthError,
    ExactBlockedError,
    ExactErrorBudgetError,
    ExactRateLimitError,
    ExactTokenLimitError,
)

log = logging.getLogger("pipelines.exact")

TOKEN_ENDPOINT = "oauth2/token"
COUNTED_ERRORS = frozenset({400, 401, 403, 404})
RATE_HEADERS = ("X-RateLimit-Minutely-Remaining", "X-RateLimit-Minutely-Reset", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", "X-RateLimit-Limit", "X-RateLimit-Minutely-Limit")


class ExactLimits:
    def __init__(self, clock: clocks.Clock, state: ApiState, margin_s: float = 0.05) -> None:
        self.clock, self.state, self.margin_s = clock, state, margin_s
        self.waited_s = 0.0  # total time slept for the schedule (in the clock's seconds)

    def window(self, division: int) -> Window:
        return self.state.window(str(division))

    # ------------------------------------------------------------------ before a call

    def check(self, division: int | None, endpoint: str) -> None:
        """Raise when the call must not be sent (a block, the error budget, the day's budget); sleep
        while the division's minute window is used up."""
        now = self.clock.now()
        scope = _scope(division)
        block = self.state.block_for(scope, endpoint, now)
        if block is not None:
            raise ExactBlockedError(
                403, f"Exact Online {_where(division, endpoint)}: not sent: {_where(division, block.endpoint)} is "
                f"blocked until {iso(block.until)} ({block.reason})", division=division, until=block.until,
                path=endpoint)
        errors = self.state.error_times(scope, endpoint, now)
        if len(errors) >= settings.EXACT_ERROR_BUDGET:
            until = errors[0] + settings.EXACT_ERROR_WINDOW
            raise ExactErrorBudgetError(
                f"Exact Online {_where(division, endpoint)}: not sent: {len(errors)} errors there in the last "
                f"hour, and Exact blocks an endpoint for an hour after {settings.EXACT_ERROR_LIMIT}; sending "
                f"resumes after {iso(until)}", division=division, endpoint=endpoint, until=until)
        if division is not None:
            self._schedule(division, now)

    def check_token_call(self) -> None:
        """Before a token call: the daily cap and the error budget of the token endpoint."""
        now = self.clock.now()
        block = self.state.block_for("", TOKEN_ENDPOINT, now)
        if block is not None:
            raise ExactTokenLimitError(f"not sent: {block.reason}", until=block.until)
        errors = self.state.error_times("", TOKEN_ENDPOINT, now)
        if len(errors) >= settings.EXACT_ERROR_BUDGET:
            raise ExactAuthError(
                f"Exact Online refused {len(errors)} token calls in the last hour; no more are sent before "
                f"{iso(errors[0] + settings.EXACT_ERROR_WINDOW)} (Exact blocks after {settings.EXACT_ERROR_LIMIT})")

    def _schedule(self, division: int, now: float) -> None:
        window = self.window(division)
        if window.day_reset is not None and now >= window.day_reset:
            window.day_remaining = window.day_reset = None  # a new day
        if window.day_remaining is not None and window.day_remaining <= 0:
            raise ExactRateLimitError(
                f"the daily Exact Online call budget of division {division} is used up until "
                f"{iso(window.day_reset)}; the next run continues from the saved cursors")
        if window.minute_reset is not None and now >= window.minute_reset:
            window.minute_remaining = window.minute_reset = None  # that minute is over
        if window.minute_remaining is not None and window.minute_remaining <= 0 and window.minute_reset:
            wait = window.minute_reset - now + self.margin_s
            log.info("division %s: minute budget used, waiting %.1fs for the window", division, wait)
            self.waited_s += wait
            self.clock.sleep(wait)
            window.minute_remaining = window.minute_reset = None  # the next answer tells the new numbers

    # ------------------------------------------------------------------ after a call

    def answered(self, division: int | None, endpoint: str, status: int, headers: Mapping[str, str],
                 message: str) -> None:
        """Record the windows the answer announced and count it if it is an error Exact counts."""
        now = self.clock.now()
        if division is not None:
            self._note_window(division, headers, now)
        if status in COUNTED_ERRORS:
            self.state.add_error(_scope(division), endpoint, status, now, message)

    def unanswered(self, division: int | None) -> None:
        """No answer (dropped, timed out): the call probably counted; count it down."""
        if division is not None:
            self._note_window(division, {}, self.clock.now())

    def _note_window(self, division: int, headers: Mapping[str, str], now: float) -> None:
        window = self.window(division)
        minute_remaining = _int_header(headers, "X-RateLimit-Minutely-Remaining")
        if minute_remaining is not None:
            window.minute_remaining = minute_remaining
            window.minute_reset = _seconds(headers, "X-RateLimit-Minutely-Reset")
        elif window.minute_remaining is not None:
            window.minute_remaining -= 1
        day_remaining = _int_header(headers, "X-RateLimit-Remaining")
        if day_remaining is not None:
            window.day_remaining = day_remaining
            window.day_reset = _seconds(headers, "X-RateLimit-Reset")
        elif window.day_remaining is not None:
            window.day_remaining -= 1
        window.observed_at = now
        self.state.window_changed(str(division))

    def throttled(self, division: int | None, endpoint: str, headers: Mapping[str, str],
                  message: str) -> float | None:
        """A 429: the seconds to wait before repeating (None: back off), or raise when no wait helps."""
        now = self.clock.now()
        if not any(name in headers for name in RATE_HEADERS) and "Retry-After" not in headers:
            raise self.blocked(division, endpoint, 429, f"429 without rate-limit headers: {message}")
        day_reset = _seconds(headers, "X-RateLimit-Reset")
        minute_reset = _seconds(headers, "X-RateLimit-Minutely-Reset")
        day_used_up = _int_header(headers, "X-RateLimit-Remaining") == 0 and day_reset and day_reset > now
        if minute_reset is None and day_used_up:
            raise ExactRateLimitError(
                f"the daily Exact Online call budget of division {division} is used up until "
                f"{iso(day_reset)}; the next run continues from the saved cursors")
        if minute_reset is not None:
            return max(0.0, minute_reset - now) + self.margin_s
        retry_after = _float_header(headers, "Retry-After")
        return max(0.0, retry_after) if retry_after is not None else None

    def blocked(self, division: int | None, endpoint: str, status: int, reason: str) -> ExactBlockedError:
        """Record a block (the division's, or the endpoint's for a call without one) and return its error."""
        now = self.clock.now()
        until = now + settings.EXACT_BLOCK_SECONDS
        scope = _scope(division)
        self.state.block(scope, "" if division is not None else endpoint, now, until, reason)
        log.warning("Exact Online blocked %s until %s: %s", _where(division, endpoint), iso(until), reason)
        return ExactBlockedError(
            status, f"Exact Online blocked {_where(division, '' if division is not None else endpoint)}: "
            f"{reason}; no call is sent there before {iso(until)}", division=division, until=until, path=endpoint)

    def token_refused(self, status: int, message: str) -> None:
        if status in COUNTED_ERRORS:
            self.state.add_error("", TOKEN_ENDPOINT, status, self.clock.now(), message)

    def token_cap_reached(self) -> ExactTokenLimitError:
        """The daily cap of token calls: block the token endpoint until 00:00 UTC (unconfirmed: the
        reference gives the cap, not its reset) and return the error to raise."""
        now = self.clock.now()
        until = (now // 86_400 + 1) * 86_400
        hours, minutes = divmod(int((until - now) // 60), 60)
        reason = (f"the daily limit of {settings.EXACT_TOKEN_CALLS_PER_DAY} Exact Online token calls for this app "
                  f"and user is reached; it resets at 00:00 UTC ({iso(until)}, in {hours} h {minutes:02d} min)")
        self.state.block("", TOKEN_ENDPOINT, now, until, reason)
        return ExactTokenLimitError(
            f"Exact Online refused a token call: {reason}. Until then the access token cannot be renewed; "
            "nothing is lost, the next run after the reset continues", until=until)


def _scope(division: int | None) -> str:
    return "" if division is None else str(division)


def _where(division: int | None, endpoint: str) -> str:
    if division is None:
        return endpoint
    return f"division {division} {endpoint}" if endpoint else f"division {division}"


def iso(epoch_s: float | None) -> str:
    if epoch_s is None:
        return "?"
    return datetime.fromtimestamp(epoch_s, UTC).isoformat(timespec="seconds")


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = _float_header(headers, name)
    return int(value) if value is not None else None


def _seconds(headers: Mapping[str, str], name: str) -> float | None:
    """An epoch-milliseconds header as epoch seconds."""
    value = _float_header(headers, name)
    return value / 1000 if value is not None else None


def _float_header(headers: Mapping[str, str], name: str) -> float | None:
    value = headers.get(name)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
