"""What the three emulators share: a clock that tests can speed up, fault injection, a server thread.

The emulators must behave like the real services, so nothing here is kind to the client: faults are
injected before the emulator sees the request, and a dropped connection really cuts the body.
"""

from __future__ import annotations

import asyncio
import json
import random
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field

import uvicorn
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Receive, Scope, Send

ADMIN_PREFIX = "/_sandbox"


class Clock:
    """Virtual time for the emulators and, in tests, for the clients (pipelines.clock.Clock).

    - running (the default): wall-clock time `speed` times faster than real time (1.0 = real time);
      a benchmark can run an hour of Exact's minute windows in a minute;
    - stepped (`instant_sleep=True`): time runs as above, but `sleep` advances it at once instead of
      waiting, so a client's backoffs and rate-window waits cost no wall time while edits still get
      distinct modified times;
    - frozen (`Clock.frozen()`, speed 0): time moves only by `advance` and by sleeps, which advance
      it at once: a test of a minute window sees exactly the times it makes and never races a real
      minute boundary.
    """

    def __init__(self, speed: float = 1.0, start: float | None = None, *, instant_sleep: bool = False) -> None:
        self._lock = threading.Lock()
        self._speed = speed
        self._base_real = time.monotonic()
        self._base_virtual = time.time() if start is None else start
        self._instant = instant_sleep or speed <= 0

    @classmethod
    def frozen(cls, start: float | None = None) -> Clock:
        return cls(speed=0.0, start=start, instant_sleep=True)

    @classmethod
    def stepped(cls, speed: float = 1.0, start: float | None = None) -> Clock:
        return cls(speed=speed, start=start, instant_sleep=True)

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def instant_sleep(self) -> bool:
        return self._instant

    @instant_sleep.setter
    def instant_sleep(self, value: bool) -> None:
        with self._lock:
            self._instant = bool(value) or self._speed <= 0

    def now(self) -> float:
        """Seconds since the epoch, in the clock's time."""
        with self._lock:
            return self._base_virtual + (time.monotonic() - self._base_real) * self._speed

    def set_speed(self, speed: float) -> None:
        with self._lock:
            now = self._base_virtual + (time.monotonic() - self._base_real) * self._speed
            self._base_real, self._base_virtual, self._speed = time.monotonic(), now, speed
            self._instant = self._instant or speed <= 0

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._base_virtual += seconds

    def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        if self._instant:
            self.advance(seconds)
        else:
            time.sleep(seconds / self._speed)

    async def asleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        if self._instant:
            self.advance(seconds)
            await asyncio.sleep(0)  # still a suspension point, as a real sleep is
        else:
            await asyncio.sleep(seconds / self._speed)

    def __repr__(self) -> str:
        mode = "frozen" if self._speed <= 0 else "stepped" if self._instant else "running"
        return f"Clock({mode}, speed={self._speed})"


@dataclass
class FaultConfig:
    """Faults applied to API requests (never to `/_sandbox/` admin requests)."""

    latency_ms: float = 0.0  # added before every answer
    latency_max_ms: float = 0.0  # when above latency_ms: each answer waits uniformly in [latency_ms, this]
    error_rate: float = 0.0  # share of requests answered 500 or 503 (half each)
    burst_429: int = 0  # the next N requests are answered 429
    burst_rate: float = 0.0  # share of requests that start a burst of `burst_length` 429s
    burst_length: int = 3
    drop_rate: float = 0.0  # share of responses whose connection is cut mid-body
    exempt_paths: str = ""  # comma-separated path prefixes that get no faults (e.g. "/api/oauth2/")
    seed: int | None = None

    def update(self, **changes: object) -> None:
        for key, value in changes.items():
            if key not in self.__dataclass_fields__:
                raise ValueError(f"unknown fault setting {key!r}")
            if key == "seed":
                setattr(self, key, None if value is None else int(value))
            else:  # cast to the declared type: 0.3 must stay 0.3, not become int(0.0)-typed 0
                setattr(self, key, _FAULT_TYPES[key](value))


_FAULT_TYPES = {"latency_ms": float, "latency_max_ms": float, "error_rate": float, "burst_429": int,
                "burst_rate": float, "burst_length": int, "drop_rate": float, "exempt_paths": str}


class DroppedConnection(Exception):
    """Raised inside the ASGI app to make uvicorn close the socket mid-response."""


@dataclass
class FaultInjector:
    """ASGI middleware that injects latency, 5xx, 429 bursts and dropped connections.

    `too_many` builds the emulator's own 429 answer (Exact, Wave and CustomPMS each have theirs);
    `server_error` builds its own 5xx body.
    """

    app: ASGIApp
    config: FaultConfig
    too_many: Callable[[Request], Response]
    server_error: Callable[[int], Response]
    clock: Clock = field(default_factory=Clock)
    counts: dict[str, int] = field(default_factory=lambda: {"requests": 0, "faults": 0})

    def __post_init__(self) -> None:
        self._rng = random.Random(self.config.seed)
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        cfg = self.config
        exempt = tuple(prefix for prefix in cfg.exempt_paths.split(",") if prefix)
        if scope["type"] != "http" or scope["path"].startswith((ADMIN_PREFIX, *exempt)):
            await self.app(scope, receive, send)
            return
        with self._lock:
            self.counts["requests"] += 1
            if cfg.seed is not None and getattr(self, "_seeded", None) != cfg.seed:
                self._rng, self._seeded = random.Random(cfg.seed), cfg.seed
            if cfg.burst_429 <= 0 and cfg.burst_rate > 0 and self._rng.random() < cfg.burst_rate:
                cfg.burst_429 = max(1, cfg.burst_length)  # a burst starts here
            burst = cfg.burst_429 > 0
            if burst:
                cfg.burst_429 -= 1
            error = not burst and cfg.error_rate > 0 and self._rng.random() < cfg.error_rate
            status = self._rng.choice((500, 503)) if error else 0
            drop = not burst and not error and cfg.drop_rate > 0 and self._rng.random() < cfg.drop_rate
            if burst or error or drop:
                self.counts["faults"] += 1
                kind = "injected_429" if burst else f"injected_{status}" if error else "dropped"
                self.counts[kind] = self.counts.get(kind, 0) + 1
            latency = cfg.latency_ms
            if cfg.latency_max_ms > latency:
                latency = self._rng.uniform(latency, cfg.latency_max_ms)
        if latency:
            await asyncio.sleep(latency / 1000)
        if burst:
            await self.too_many(Request(scope, receive))(scope, receive, send)
            return
        if error:
            await self.server_error(status)(scope, receive, send)
            return
        if drop:
            await self.app(scope, receive, _cut_after_headers(send))
            return
        await self.app(scope, receive, send)


def _cut_after_headers(send: Send) -> Callable[[dict], Awaitable[None]]:
    """Send the headers and half of the body, then drop the connection."""

    async def cutting_send(message: dict) -> None:
        if message["type"] == "http.response.start":
            await send(message)
        elif message["type"] == "http.response.body":
            half = message.get("body", b"")[: max(1, len(message.get("body", b"")) // 2)]
            await send({"type": "http.response.body", "body": half, "more_body": True})
            raise DroppedConnection("sandbox fault: connection dropped mid-response")

    return cutting_send


def admin_routes(config: FaultConfig, clock: Clock, counts: dict[str, int]) -> list[Route]:
    """`/_sandbox/faults` (GET, PUT) and `/_sandbox/clock` (GET, PUT: speed, advance, instant_sleep) for
    tests and benchmarks."""

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            try:
                config.update(**(await request.json()))
            except (ValueError, TypeError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({**asdict(config), **counts})

    async def clock_view(request: Request) -> Response:
        if request.method == "PUT":
            body = await request.json()
            if "speed" in body:
                clock.set_speed(float(body["speed"]))
            if "advance" in body:
                clock.advance(float(body["advance"]))
            if "instant_sleep" in body:
                clock.instant_sleep = bool(body["instant_sleep"])
        return JSONResponse({"now": clock.now(), "speed": clock.speed, "instant_sleep": clock.instant_sleep})

    return [
        Route(f"{ADMIN_PREFIX}/faults", faults, methods=["GET", "PUT"]),
        Route(f"{ADMIN_PREFIX}/clock", clock_view, methods=["GET", "PUT"]),
    ]


def allowed_methods(routes: list[Route], scope: Scope) -> str:
    """The `Allow` header of a 405: the methods of every route whose path matches (Starlette names only
    the first route's, and the emulators give one path a route per method)."""
    methods: set[str] = set()
    for route in routes:
        match, _ = route.matches({**scope, "method": ""})
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class ServerThread:
    """Runs an ASGI app with uvicorn in a daemon thread on loopback; `stop()` shuts it down cleanly."""

    def __init__(self, app: ASGIApp, port: int = 0, host: str = "127.0.0.1") -> None:
        # the socket is bound here and handed to uvicorn: a port probed free and bound later could be taken
        # in between by another test process running at the same time. IPPROTO_TCP by name: asyncio sets
        # TCP_NODELAY only on sockets that say so, and without it every small answer waits for a delayed ACK
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError as exc:
            self.socket.close()
            raise RuntimeError(f"sandbox server cannot listen on {host}:{port}: {exc.strerror}") from None
        self.host, self.port = host, self.socket.getsockname()[1]
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", lifespan="off",
                                access_log=False, timeout_keep_alive=30)
        self.server = uvicorn.Server(config)
        self.server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]},
                                       name=f"sandbox:{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"sandbox server on port {self.port} did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


def json_dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
