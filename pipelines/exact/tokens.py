"""OAuth token chains on disk (Exact Online, and Wave when it is connected with OAuth): the one copy
of the current refresh token, and the one call of a token endpoint that starts or continues a chain.

Exact rotates the refresh token on every refresh and the old one stops working at once, so the
new token must be on disk before anything else happens; losing it means the user logs in again.
Hence: temp file created 0600 in the same directory, fsync, `os.replace`, fsync the directory.
A lock file serialises refreshes between processes (a second process re-reads the file instead
of spending the token a second time).

A kill between the temp file's fsync and the rename leaves the only valid refresh token in the temp
file (`.<name>.<random>.tmp`). Every `load()` therefore looks for such files first, under the lock:
a complete one (it parses and has a refresh token) that is newer than the main file wins and is
renamed into place; incomplete or older ones hold nothing usable and are removed.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from pipelines import settings
from pipelines.errors import OperatorError

log = logging.getLogger("pipelines.tokens")

# the systems whose chains live in token files: how messages name them
SYSTEM_NAMES = {"exact": "Exact Online", "wave": "Wave"}


def connect_hint(system: str) -> str:
    """The one command that starts a new token chain for a system."""
    return f"run `make connect SYSTEM={system}` to authorise again"


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
    # one into secrets.toml (re-authorisation), the fingerprint differs and the client bootstraps anew.
    # A chain that `connect` started from an authorization code records the fingerprint of whatever
    # refresh token the secrets held at that moment, so a stale one left there does not override it.
    bootstrap: str = ""
    # when the token call that produced this pair was sent (client clock, epoch seconds): expiry
    # counts from it, Exact refuses another token call within 9 min 30 s of it, and the refresh
    # token expires 30 days after it if unused. 0 = unknown (a file from an older version)
    requested_at: float = 0.0

    def __repr__(self) -> str:
        return f"TokenSet(expires_at={self.expires_at:.0f}, base_url={self.base_url!r}, tokens=***)"


class TokenFileError(OperatorError):
    """The token file exists but cannot be used."""


class TokenStore:
    """Reads and atomically writes one token file (owner-only permissions). `system` ("exact" or
    "wave") names the chain in messages, with the command that starts a new one."""

    def __init__(self, path: str | os.PathLike[str], system: str = "exact") -> None:
        self.path = Path(path)
        self.system = system
        self._held = threading.local()  # lock depth per thread: load() and save() inside locked()

    def __repr__(self) -> str:
        return f"TokenStore({str(self.path)!r})"

    @property
    def _name(self) -> str:
        return SYSTEM_NAMES.get(self.system, self.system)

    def load(self) -> TokenSet | None:
        """The chain on disk (None when there is none), after recovering an interrupted write."""
        with self.locked():
            self._recover()
            try:
                text = self.path.read_text()
            except FileNotFoundError:
                return None
            except OSError as exc:
                raise self._damaged(type(exc).__name__) from None
        try:
            raw = json.loads(text)
        except ValueError as exc:
            # never echo the content: it holds the tokens
            raise self._damaged(f"not JSON: {type(exc).__name__} at character {getattr(exc, 'pos', '?')}") from None
        problem = _problem(raw)
        if problem:
            raise self._damaged(problem)
        fields = TokenSet.__dataclass_fields__
        return TokenSet(**{k: v for k, v in raw.items() if k in fields})

    def save(self, tokens: TokenSet) -> None:
        with self.locked():
            write_atomically(self.path, json.dumps(asdict(tokens)), 0o600)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive lock across processes for the read-refresh-write sequence; re-entrant within a
        thread (flock would deadlock on a second descriptor of the same lock file)."""
        depth = getattr(self._held, "depth", 0)
        if depth:
            self._held.depth = depth + 1
            try:
                yield
            finally:
                self._held.depth = depth
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._held.depth = 1
            try:
                yield
            finally:
                self._held.depth = 0
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _recover(self) -> None:
        """Under the lock, every temp file beside the main one was left by a writer that died (all
        writers hold the lock): the newest complete one newer than the main file becomes it."""
        try:
            main_mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            main_mtime = -1
        best: tuple[int, Path] | None = None
        leftovers: list[Path] = []
        for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            leftovers.append(tmp)
            try:
                mtime = tmp.stat().st_mtime_ns
                complete = not _problem(json.loads(tmp.read_text()))
            except (OSError, ValueError):
                continue
            if complete and mtime >= main_mtime and (best is None or mtime > best[0]):
                best = (mtime, tmp)
        if best is not None:
            os.replace(best[1], self.path)
            _fsync_dir(self.path.parent)
            log.warning(
                "recovered the %s token chain from %s, left by a write that was interrupted",
                self._name,
                best[1].name,
            )
        for tmp in leftovers:
            if best is None or tmp != best[1]:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()

    def _damaged(self, why: str) -> TokenFileError:
        return TokenFileError(
            f"the {self._name} token file {self.path} is damaged ({why}); {connect_hint(self.system)} "
            "(it writes a new file in its place)"
        )


def token_file_path(token_file: str | os.PathLike[str] | None, system: str) -> Path:
    """Relative token paths are relative to the project root, like state/ (not to the cwd)."""
    path = Path(token_file) if token_file else settings.STATE_DIR / f"{system}_tokens.json"
    return path if path.is_absolute() else settings.ROOT / path


def _problem(raw: Any) -> str | None:
    """Why a parsed token file cannot be used, or None when it can."""
    if not isinstance(raw, dict):
        return "not a JSON object"
    if not isinstance(raw.get("refresh_token"), str) or not raw["refresh_token"]:
        return "no refresh_token"
    if raw.get("access_token") is not None and not isinstance(raw["access_token"], str):
        return "access_token is not a string"
    for name in ("expires_at", "requested_at"):
        value = raw.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{name} is not a number"
    return None


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Replace `path` with `text` so that a crash leaves either the old or the new file: a temp file
    (`.<name>.<random>.tmp`, created with `mode`) in the same directory, fsync, rename, fsync dir."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)  # mkstemp creates 0600; be explicit against odd umasks
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be opened
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---------------------------------------------------------------------- the token endpoint


class TokenEndpointError(OperatorError):
    """The token endpoint refused or failed; `error` is the OAuth error code when it gave one."""

    def __init__(self, message: str, *, error: str = "", status: int = 0) -> None:
        self.error, self.status = error, status
        super().__init__(message)


def request_tokens(
    http: httpx.Client,
    url: str,
    form: Mapping[str, str],
    *,
    system: str,
    now: Callable[[], float],
    previous_refresh_token: str | None = None,
) -> TokenSet:
    """One form-encoded POST to an OAuth token endpoint (authorization_code or refresh_token grant)
    and its answer as a TokenSet (`base_url`/`client_id`/`bootstrap` are the caller's to fill).

    Sent once: a lost answer has spent the code or the refresh token either way, so a retry could
    only get invalid_grant. `expires_in` may be a string (Exact) or a number (Wave). A server that
    does not rotate refresh tokens answers without one: the chain keeps `previous_refresh_token`.
    Messages carry the OAuth error code and description, never a form value."""
    name = SYSTEM_NAMES.get(system, system)
    started = now()
    try:
        response = http.post(url, data=dict(form), headers={"Accept": "application/json"})
    except httpx.TransportError as exc:
        raise TokenEndpointError(f"{name} token endpoint {url}: {type(exc).__name__} (no answer)") from None
    try:
        body = response.json()
    except ValueError:
        body = None
    body = body if isinstance(body, dict) else {}
    if response.status_code != 200:
        error = str(body.get("error") or "")
        description = _redact(str(body.get("error_description") or ""), form)
        detail = ": ".join(part for part in (error, description) if part) or response.reason_phrase
        raise TokenEndpointError(
            f"{name} token endpoint refused the {form.get('grant_type', 'token')} grant "
            f"(HTTP {response.status_code} {detail})",
            error=error,
            status=response.status_code,
        )
    pair = token_pair(body, started, previous_refresh_token)
    if isinstance(pair, str):
        raise TokenEndpointError(f"{name} token endpoint answered without {pair}", status=200)
    return pair


def token_pair(body: Mapping[str, object], sent: float, previous_refresh_token: str | None = None) -> TokenSet | str:
    """A token endpoint's 200 answer as a TokenSet, expiry counted from when the request was `sent`,
    or the name of what it lacks. `expires_in` may be a string (Exact) or a number (Wave); a server
    that does not rotate refresh tokens answers without one, and the chain keeps the previous one.
    The caller fills base_url, client_id and bootstrap."""
    access, refresh = body.get("access_token"), body.get("refresh_token") or previous_refresh_token
    try:
        expires_in = float(body["expires_in"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        expires_in = None
    if not isinstance(access, str) or not access or not isinstance(refresh, str) or expires_in is None:
        return "refresh_token (was offline_access granted?)" if not refresh else "access_token or expires_in"
    return TokenSet(access_token=access, refresh_token=refresh, expires_at=sent + expires_in, requested_at=sent)


def _redact(text: str, form: Mapping[str, str]) -> str:
    for value in form.values():
        if value and len(value) >= 6:
            text = text.replace(value, "***")
    return text
