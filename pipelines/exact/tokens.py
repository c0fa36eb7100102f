"""Exact Online OAuth tokens on disk: the one copy of the current refresh token.

Exact rotates the refresh token on every refresh and the old one stops working at once, so the
new token must be on disk before anything else happens; losing it means the user logs in again.
Hence: temp file created 0600 in the same directory, fsync, `os.replace`, fsync the directory.
A lock file serialises refreshes between processes (a second process re-reads the file instead
of spending the token a second time).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from pipelines.errors import OperatorError


class Secret:
    """A string that never shows itself in reprs, str(), f-strings or logs; `.reveal()` gives it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def fingerprint(value: str) -> str:
    """Identifies a refresh token without storing it twice (it is high-entropy, so a hash is safe)."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


@dataclass(repr=False)
class TokenSet:
    access_token: str | None
    refresh_token: str
    expires_at: float  # in the client's clock (epoch seconds); 0 = unknown / expired
    base_url: str = ""
    client_id: str = ""
    # fingerprint of the secrets' refresh token this chain started from: when the user puts a new
    # one into secrets.toml (re-authorisation), the fingerprint differs and the client bootstraps anew
    bootstrap: str = ""
    # when the token call that produced this pair was sent (client clock, epoch seconds): expiry
    # counts from it, Exact refuses another token call within 9 min 30 s of it, and the refresh
    # token expires 30 days after it if unused. 0 = unknown (a file from an older version)
    requested_at: float = 0.0

    def __repr__(self) -> str:
        return f"TokenSet(expires_at={self.expires_at:.0f}, base_url={self.base_url!r}, tokens=***)"


class TokenStore:
    """Reads and atomically writes the token file (owner-only permissions)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"TokenStore({str(self.path)!r})"

    def load(self) -> TokenSet | None:
        try:
            raw = json.loads(self.path.read_text())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            # never echo the content: it holds the tokens
            raise TokenFileError(
                f"cannot read the Exact token file {self.path}: {type(exc).__name__}"
            ) from None
        if not isinstance(raw, dict) or not isinstance(raw.get("refresh_token"), str):
            raise TokenFileError(f"the Exact token file {self.path} has no refresh_token")
        fields = TokenSet.__dataclass_fields__
        return TokenSet(**{k: v for k, v in raw.items() if k in fields})

    def save(self, tokens: TokenSet) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)  # mkstemp already creates 0600; be explicit against odd umasks
            with os.fdopen(fd, "w") as handle:
                json.dump(asdict(tokens), handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.path.parent)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive lock across processes for the read-refresh-write sequence."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


class TokenFileError(OperatorError):
    """The token file exists but cannot be used."""


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be opened
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
