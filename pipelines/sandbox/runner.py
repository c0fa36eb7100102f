"""The sandbox: the three emulators served together, their data persisted under state/sandbox/.

`Sandbox.serve_forever()` is what `python -m pipelines.sandbox start` runs in the background. The
data file is rewritten (atomically: a temp file, then a rename) every couple of seconds while
something changed, and on SIGTERM/SIGINT before exiting, so stopping and starting keeps the data.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

from pipelines import settings
from pipelines.sandbox import custompms, exact, seed, wave
from pipelines.sandbox.common import Clock, FaultConfig, ServerThread

SYSTEMS = {"exact": (exact, exact.ExactStore), "wave": (wave, wave.WaveStore),
           "custompms": (custompms, custompms.CustomPMSStore)}
SAVE_EVERY_S = 2.0


class Sandbox:
    def __init__(self, data_file: Path | None = None, ports: dict[str, int] | None = None,
                 host: str = settings.SANDBOX_HOST, size: int = 200, clock: Clock | None = None) -> None:
        self.data_file = Path(data_file or settings.SANDBOX_DATA_FILE)
        self.ports = {**settings.SANDBOX_PORTS, **(ports or {})}
        self.host, self.size = host, size
        self.clock = clock or Clock()
        self.faults = {system: FaultConfig() for system in SYSTEMS}
        self.stores: dict = {}
        self.servers: dict[str, ServerThread] = {}
        self._stop = threading.Event()
        self._save_lock = threading.Lock()

    @property
    def urls(self) -> dict[str, str]:
        return {system: f"http://{self.host}:{self.ports[system]}" for system in SYSTEMS}

    def load(self) -> None:
        """The persisted data if there is any, else a fresh seed (which is saved at once)."""
        if self.data_file.exists():
            state = json.loads(self.data_file.read_text())
            self.stores = {system: cls.from_state(state[system], self.clock)
                           for system, (_, cls) in SYSTEMS.items()}
            return
        data = seed.generate(self.size)
        self.stores = {system: cls(self.clock) for system, (_, cls) in SYSTEMS.items()}
        for system, store in self.stores.items():
            store.load_seed(data[system])
        self.save(force=True)

    def save(self, force: bool = False) -> bool:
        with self._save_lock:
            if not force and not any(store.dirty for store in self.stores.values()):
                return False
            for store in self.stores.values():
                store.dirty = False  # cleared first: a change while writing marks it again
            state = {system: store.to_state() for system, store in self.stores.items()}
            self.data_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.data_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(state, separators=(",", ":"), ensure_ascii=False, default=str))
            os.replace(tmp, self.data_file)
            return True

    def start(self) -> Sandbox:
        if not self.stores:
            self.load()
        for system, (module, _) in SYSTEMS.items():
            app = module.create_app(self.stores[system], faults=self.faults[system], clock=self.clock)
            self.servers[system] = ServerThread(app, port=self.ports[system], host=self.host).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for server in self.servers.values():
            server.stop()
        self.servers.clear()
        if self.stores:
            self.save()

    def serve_forever(self) -> None:
        """Serve until SIGTERM or SIGINT, saving every few seconds while data changes."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: self._stop.set())
        self.start()
        while not self._stop.wait(SAVE_EVERY_S):
            self.save()
        self.stop()
