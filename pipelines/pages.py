"""Helpers the dlt sources share."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from queue import Full, Queue
from typing import Any


def prefetched(items: Iterator[Any], depth: int = 2, name: str = "prefetch") -> Iterator[Any]:
    """The items (API pages), with the next ones fetched in a thread while this one is parsed and
    written, so network time and processing overlap. An error in the fetching thread is raised
    here; stopping early lets the thread end."""
    queue: Queue[tuple[Any, BaseException | None]] = Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item: tuple[Any, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def fetch() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((done, None))
        except BaseException as exc:  # handed to the consuming thread, which raises it
            put((done, exc))

    thread = threading.Thread(target=fetch, name=name, daemon=True)
    thread.start()
    try:
        while True:
            item, error = queue.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)
