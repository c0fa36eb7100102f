"""Operator output: rich progress and tables on a terminal, plain or JSON lines for schedulers.

One `Console` per command. Nothing here ever receives a secret: callers pass counts and names.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from rich.console import Console as RichConsole
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table


class Console:
    def __init__(self, quiet: bool = False, json_logs: bool = False) -> None:
        self.quiet, self.json_logs = quiet, json_logs
        self.rich = RichConsole(stderr=False, highlight=False, soft_wrap=True)
        self.interactive = self.rich.is_terminal and not json_logs
        if not self.rich.is_terminal:  # a log file or a pipe: rich's 80 columns would fold every table
            self.rich = RichConsole(stderr=False, highlight=False, soft_wrap=True, width=180)
        # rich shows one live display at a time: bars of threads running at once (the push's systems)
        # share one, which lives while any of them does
        self._bars: Progress | None = None
        self._bars_lock = threading.Lock()

    def log(self, message: str, **fields: object) -> None:
        """A progress line: suppressed by --quiet, JSON with --log-json."""
        if self.quiet:
            return
        if self.json_logs:
            line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "message": message, **fields}
            print(json.dumps(line, default=str), flush=True)
        else:
            extra = " ".join(f"{key}={value}" for key, value in fields.items())
            self.rich.print(f"{message} {extra}".rstrip(), markup=False)

    def error(self, message: str) -> None:
        if self.json_logs:
            print(json.dumps({"level": "error", "message": message}), file=sys.stderr, flush=True)
        else:
            RichConsole(stderr=True, highlight=False).print(f"[bold red]error:[/] {message}")

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        """Results always print (they are the output, not progress), also under --quiet."""
        if self.json_logs:
            print(json.dumps({"table": title, "rows": [dict(zip(columns, row)) for row in rows]}, default=str))
            return
        table = Table(title=title, title_justify="left", show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        self.rich.print(table)

    @contextmanager
    def progress(self, description: str, total: int | None = None) -> Iterator[callable]:
        """Yields `advance(n=1)`; a bar on a terminal, a log line every few seconds otherwise."""
        if self.quiet or not self.interactive:
            done, last = 0, time.monotonic()

            def advance(n: int = 1) -> None:
                nonlocal done, last
                done += n
                if time.monotonic() - last > 5:
                    last = time.monotonic()
                    self.log(description, done=done, total=total)

            yield advance
            self.log(f"{description}: done", count=done)
            return
        with self._bars_lock:
            if self._bars is None:
                columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
                self._bars = Progress(*columns, console=self.rich, transient=True)
                self._bars.start()
            bars = self._bars
            task = bars.add_task(description, total=total)
        try:
            yield lambda n=1: bars.advance(task, n)
        finally:
            with self._bars_lock:
                bars.remove_task(task)
                if not bars.task_ids:
                    bars.stop()
                    self._bars = None
