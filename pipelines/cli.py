"""The commands behind `make`: extract, transform, plan, push, sync, status, sql, audit, verify, docs, demo, connect.

Exit codes: 0 done; 1 done but something needs a person (partial run, dead operations, mismatch);
2 refused or misconfigured (lock held, missing secret, bad arguments).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from pipelines import settings
from pipelines.console import Console
from pipelines.errors import ConfigurationError, missing_config
from pipelines.models.runner import ModelError
from pipelines.runs import RunLocked, tracked_run

EXIT_OK, EXIT_ATTENTION, EXIT_REFUSED = 0, 1, 2


def ensure_sandbox(console: Console) -> None:
    """Start the sandbox when the configuration points at it (the default) and it is not running."""
    import dlt

    urls = [dlt.config.get("sources.exact.base_url"), dlt.config.get("sources.wave.graphql_url"),
            dlt.config.get("sources.custompms.base_url")]
    sandbox_ports = set(settings.SANDBOX_PORTS.values())
    if any(url and urlsplit(url).hostname in ("127.0.0.1", "localhost") and urlsplit(url).port in sandbox_ports
           for url in urls):
        subprocess.run([sys.executable, "-m", "pipelines.sandbox", "start", "--quiet"], check=True)


def _pipelines_dir(args: argparse.Namespace) -> Path:
    """dlt's working dir (incremental cursors) belongs to the state file it loads into."""
    return settings.PIPELINES_DIR if args.db == settings.DUCKDB_FILE else args.db.parent / "dlt"


def cmd_extract(args: argparse.Namespace, console: Console) -> int:
    from pipelines.extract import extract

    ensure_sandbox(console)
    with tracked_run("extract", args.db) as run:
        extract(run, console, db_path=args.db, pipelines_dir=_pipelines_dir(args))
    return EXIT_ATTENTION if run.problems else EXIT_OK


def cmd_transform(args: argparse.Namespace, console: Console) -> int:
    from pipelines.transform import transform

    with tracked_run("transform", args.db) as run:
        with run.stage("transform"):
            transform(run, console, db_path=args.db, full_refresh=args.full_refresh)
    return EXIT_ATTENTION if run.problems else EXIT_OK


def cmd_plan(args: argparse.Namespace, console: Console) -> int:
    from pipelines.push.plan import show_plan

    return show_plan(console, db_path=args.db, limit=args.limit)


def cmd_push(args: argparse.Namespace, console: Console) -> int:
    from pipelines.push.push import push

    ensure_sandbox(console)
    with tracked_run("push", args.db) as run:
        with run.stage("push"):
            push(run, console, db_path=args.db)
    return EXIT_ATTENTION if run.problems else EXIT_OK


def cmd_sync(args: argparse.Namespace, console: Console) -> int:
    from pipelines.extract import extract
    from pipelines.push.push import push
    from pipelines.status import summarize_run
    from pipelines.transform import transform

    ensure_sandbox(console)
    with tracked_run("sync", args.db) as run:
        extract(run, console, db_path=args.db, pipelines_dir=_pipelines_dir(args))
        with run.stage("transform"):
            transform(run, console, db_path=args.db)
        with run.stage("push"):
            push(run, console, db_path=args.db)
    summarize_run(run, console)
    return EXIT_ATTENTION if run.problems else EXIT_OK


def cmd_status(args: argparse.Namespace, console: Console) -> int:
    from pipelines.status import show_status

    return show_status(console, runs=args.runs, db_path=args.db)


def cmd_sql(args: argparse.Namespace, console: Console) -> int:
    from pipelines.status import sql_shell

    return sql_shell(console, args.query, db_path=args.db)


def cmd_audit(args: argparse.Namespace, console: Console) -> int:
    from pipelines.status import run_audit

    return run_audit(console, args.name, db_path=args.db, customer=args.customer)


def cmd_verify(args: argparse.Namespace, console: Console) -> int:
    from pipelines.verify import verify

    ensure_sandbox(console)
    with tracked_run("verify", args.db) as run:  # the lock: verify refreshes Exact's tokens too
        code = verify(console, run=run)
    return code


def cmd_doctor(args: argparse.Namespace, console: Console) -> int:
    from pipelines.doctor import doctor

    ensure_sandbox(console)
    return doctor(console, db_path=args.db)


def cmd_docs(args: argparse.Namespace, console: Console) -> int:
    from pipelines.models.docs import write_docs
    from pipelines.statedoc import OUT, render

    for path in write_docs():
        console.log(f"wrote {path.relative_to(settings.ROOT)}")
    OUT.write_text(render())
    console.log(f"wrote {OUT.relative_to(settings.ROOT)}")
    return EXIT_OK


def cmd_connect(args: argparse.Namespace, console: Console) -> int:
    from pipelines.connect import run

    ensure_sandbox(console)
    return run(args, console)


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    ensure_sandbox(console)
    subprocess.run([sys.executable, "-m", "pipelines.sandbox", "status"], check=False)
    code = cmd_sync(args, console)
    console.log("next: `make status`, `make verify`, `make sql Q=\"select * from sync.links limit 5\"`")
    return code


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Console], int], str]] = {
    "extract": (cmd_extract, "land the three systems' customers into DuckDB"),
    "transform": (cmd_transform, "run the SQL models"),
    "plan": (cmd_plan, "show what push would send, without sending"),
    "push": (cmd_push, "send pending outbox operations"),
    "sync": (cmd_sync, "extract, transform, push, then a summary"),
    "status": (cmd_status, "last runs, pending and dead operations, conflicts"),
    "sql": (cmd_sql, "SQL on the state file"),
    "audit": (cmd_audit, "run the canned audit queries"),
    "verify": (cmd_verify, "reconcile the three systems live"),
    "doctor": (cmd_doctor, "settings, auth, token age, rate budgets and blocks per system"),
    "docs": (cmd_docs, "write the dataflow documents (column lineage) and docs/state.md (the schema)"),
    "demo": (cmd_demo, "start the sandbox and sync it"),
    "connect": (cmd_connect, "connect Exact (OAuth), Wave (OAuth or a full access token) and CustomPMS (key check)"),
}


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="customer-sync", description=__doc__.splitlines()[0])
    root.add_argument("--quiet", action="store_true", help="print results only, no progress")
    root.add_argument("--log-json", action="store_true", help="JSON log lines (for schedulers)")
    root.add_argument("--db", type=Path, default=settings.DUCKDB_FILE,
                      help="the state file (default state/customer_sync.duckdb); dlt's working dir sits beside it")
    sub = root.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text)
        if name == "transform":
            command.add_argument("--full-refresh", action="store_true", help="rebuild incremental models")
        if name == "plan":
            command.add_argument("--limit", type=int, default=20, help="rows of the table of operations")
        if name == "status":
            command.add_argument("--runs", type=int, default=10, help="how many recent runs to list")
        if name == "sql":
            command.add_argument("--query", "-q", help="one query; without it an interactive shell")
        if name == "connect":
            from pipelines.connect import add_arguments

            add_arguments(command)
        if name == "audit":
            command.add_argument("name", nargs="?", help="one audit query by file name (default: all)")
            command.add_argument("--customer", help="narrow the queries to a customer (name, email or VAT)")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    console = Console(quiet=args.quiet, json_logs=args.log_json)
    try:
        return COMMANDS[args.command][0](args, console)
    except RunLocked as exc:
        console.error(str(exc))
        return EXIT_REFUSED
    except ConfigurationError as exc:
        console.error(str(exc))
        return EXIT_REFUSED
    except ModelError as exc:  # names the model file and DuckDB's message
        console.error(str(exc))
        return EXIT_ATTENTION
    except Exception as exc:
        missing = missing_config(exc)
        if missing is None:
            raise
        console.error(str(missing))
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
