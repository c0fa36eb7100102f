"""The sandbox: the three emulators served together, their data persisted in one JSON file.

`Sandbox.serve_forever()` is what `python -m pipelines.sandbox start` runs in the background. The
data file (state/sandbox/data.json by default) holds every store's `to_state()`; it is rewritten
atomically (temp file, fsync, `os.replace`) by a saver thread every couple of seconds while
something changed (less often for big stores: see `save_wait`), on `stop()`, and on SIGTERM/SIGINT
before the process exits, so a `kill -TERM` loses nothing and a `kill -9` at most the changes since the
last save. A missing data file means a first start: the stores are seeded from `seed.generate(size,
seed)` and saved at once.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from pipelines import settings
from pipelines.sandbox import custompms, exact, seed, wave
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread, json_dumps

SYSTEMS = {"exact": (exact, exact.ExactStore), "wave": (wave, wave.WaveStore),
           "custompms": (custompms, custompms.CustomPMSStore)}
DATA_FORMAT = 1
SAVE_EVERY_S = 2.0
# A save serialises each changed store whole while holding its lock and Python's GIL, so the emulators
# answer nothing meanwhile: 1.4-2.2 s for a CustomPMS store of 100,000 customers. Every 2 s that froze
# them most of the time under a big push (306 creates a second against 485 with no saves, measured on a
# 100k sandbox). The saver rests at least this many times its last save's length between two saves.
SAVE_REST_FACTOR = 9


class SandboxDataError(RuntimeError):
    """The data file exists but cannot be used (not JSON, or not a sandbox data file)."""


class Sandbox:
    """The three emulators with their stores. `start()` serves them on `ports` (0: any free port)."""

    def __init__(self, data_file: Path | str | None = None, ports: dict[str, int] | None = None,
                 host: str = settings.SANDBOX_HOST, clock: Clock | None = None,
                 faults: dict[str, FaultConfig] | None = None, size: int = 200, seed: int = 42,
                 save_every: float = SAVE_EVERY_S) -> None:
        self.data_file = Path(data_file or settings.SANDBOX_DATA_FILE)
        unknown = set(ports or {}) - set(SYSTEMS)
        if unknown:
            raise ValueError(f"unknown system(s) in ports: {', '.join(sorted(unknown))}")
        self.ports = {**settings.SANDBOX_PORTS, **(ports or {})}
        self.host, self.size, self.seed, self.save_every = host, size, seed, save_every
        self.clock = clock or Clock()
        self.faults = {system: (faults or {}).get(system) or FaultConfig() for system in SYSTEMS}
        self.stores: dict[str, Any] = {}
        self.servers: dict[str, ServerThread] = {}
        self.seeded = False  # True when load() generated the data instead of reading the file
        self._save_lock = threading.Lock()
        self._encoded: dict[str, str] = {}  # each store's JSON as last written
        self._saver_stop = threading.Event()
        self._saver: threading.Thread | None = None
        self._shutdown = threading.Event()

    # ------------------------------------------------------------------ data

    @property
    def exact(self) -> exact.ExactStore:
        return self.stores["exact"]

    @property
    def wave(self) -> wave.WaveStore:
        return self.stores["wave"]

    @property
    def custompms(self) -> custompms.CustomPMSStore:
        return self.stores["custompms"]

    @property
    def urls(self) -> dict[str, str]:
        return {system: f"http://{self.host}:{self.ports[system]}" for system in SYSTEMS}

    def load(self, fresh: bool = False) -> Sandbox:
        """The data file's stores, or (no file, or `fresh`) new ones seeded and saved at once."""
        self._encoded = {}
        if self.data_file.exists() and not fresh:
            state = read_data_file(self.data_file)
            self.stores = {system: cls.from_state(state[system], self.clock) for system, (_, cls) in SYSTEMS.items()}
            self.seeded = False
            return self
        data = seed.generate(self.size, seed=self.seed)
        self.stores = {system: cls(self.clock) for system, (_, cls) in SYSTEMS.items()}
        # One seed time for all three: each store reading the clock as its turn came stamped the copies of
        # a company a few milliseconds apart or not, by how long the stores before it took to load, so
        # which copy was the latest (and the golden value, and the deltas) changed from run to run
        seeded_at = int(self.clock.now() * 1000)
        for system, store in self.stores.items():
            store.load_seed(data[system], at_ms=seeded_at)
        self.seeded = True
        self.save(force=True)
        return self

    def save(self, force: bool = False) -> bool:
        """Write the data file when a store changed since the last save (or `force`); True if written."""
        with self._save_lock:
            if not self.stores or not (force or any(store.dirty for store in self.stores.values())):
                return False
            encoded = []
            for system, store in self.stores.items():
                if not (force or store.dirty) and system in self._encoded:
                    continue  # unchanged since the last save: its text is reused (a 100k store takes ~1 s)
                # Serialised under the store's lock: ExactStore.to_state() hands out its live records,
                # which an API call may change while json.dumps walks them.
                lock = getattr(store, "lock", None) or getattr(store, "_lock", None) or nullcontext()
                with lock:
                    store.dirty = False  # cleared with the snapshot: a later change marks it again
                    self._encoded[system] = json_dumps(store.to_state())
                encoded.append(store)
            try:
                _write_atomically(self.data_file, {system: self._encoded[system] for system in self.stores})
            except BaseException:
                for store in encoded:
                    store.dirty = True  # not on disk: the next save must try again
                raise
            return True

    # ------------------------------------------------------------------ serving

    def start(self) -> Sandbox:
        if not self.stores:
            self.load()
        try:
            for system, (module, _) in SYSTEMS.items():
                app = module.create_app(self.stores[system], faults=self.faults[system], clock=self.clock)
                server = ServerThread(app, port=self.ports[system], host=self.host)
                self.servers[system] = server.start()
                self.ports[system] = server.port
        except RuntimeError as exc:
            self._stop_servers()
            raise RuntimeError(f"{exc} (is the port in use by another program?)") from exc
        self._saver_stop.clear()
        self._saver = threading.Thread(target=self._save_periodically, name="sandbox-saver", daemon=True)
        self._saver.start()
        return self

    def stop(self) -> None:
        """Stop serving, then save: the servers are down, so the file has every change."""
        self._saver_stop.set()
        if self._saver is not None:
            self._saver.join(timeout=30)
            self._saver = None
        self._stop_servers()
        self.save()

    def serve_forever(self, on_ready=None) -> None:
        """Serve until SIGTERM or SIGINT (or `shutdown()`), then save and return."""
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: self._shutdown.set())
        self.start()
        try:
            if on_ready is not None:
                on_ready(self)
            while not self._shutdown.wait(1.0):
                pass
        finally:
            self.stop()

    def shutdown(self) -> None:
        self._shutdown.set()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _stop_servers(self) -> None:
        for server in self.servers.values():
            server.stop()
        self.servers.clear()

    def _save_periodically(self) -> None:
        wait = self.save_every
        while not self._saver_stop.wait(wait):
            started = time.monotonic()
            try:
                self.save()
            except Exception as exc:  # a full disk must not kill the saver; it retries next round
                print(f"sandbox: saving {self.data_file} failed: {exc}", flush=True)
            wait = save_wait(self.save_every, time.monotonic() - started)


def save_wait(save_every: float, last_save_seconds: float) -> float:
    """Seconds the saver waits before its next save: `save_every`, or longer after a long save, so saving
    takes at most 1 / (SAVE_REST_FACTOR + 1) of the emulators' time however big the stores grow."""
    return max(save_every, SAVE_REST_FACTOR * last_save_seconds)


def read_data_file(path: Path) -> dict:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SandboxDataError(f"cannot read the sandbox data file {path}: {exc}; "
                               "`make reseed` (or `python -m pipelines.sandbox reseed`) writes a new one") from exc
    missing = [system for system in SYSTEMS if not isinstance(state, dict) or system not in state]
    if missing:
        raise SandboxDataError(f"{path} is not a sandbox data file (no {', '.join(missing)}); "
                               "`python -m pipelines.sandbox reseed` writes a new one")
    return state


def _write_atomically(path: Path, parts: dict[str, str]) -> None:
    """`{"format": 1, "saved_at": ..., "<system>": <state>, ...}` to a temp file, fsync, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(f'{{"format":{DATA_FORMAT},"saved_at":{time.time():.3f}')
            for system, text in parts.items():
                out.write(f',"{system}":')
                out.write(text)
            out.write("}")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)  # the rename itself survives a power cut
    except OSError:
        pass
    finally:
        os.close(fd)
