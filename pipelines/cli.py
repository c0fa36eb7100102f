"""The commands behind `make`: extract, transform, plan, push, sync, status, sql, audit, verify, doctor,
docs, demo, connect, and the stewardship commands (candidates, accept, reject, link, unlink, resolve,
retry, ignore).

Exit codes: 0 done; 1 done but something needs a person (the systems still disagree, or something is
open in the quarantine or the outbox, or a system was down); 2 refused (lock held, state file damaged,
missing setting, bad arguments, a decision that cannot be carried out).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from pipelines import settings, sourceconfig
from pipelines.console import Console
from pipelines.errors import OperatorError, _chain, missing_config, summarize
from pipelines.runs import Run, reading, tracked_run
from pipelines.sandbox import answers
from pipelines.statefile import damaged, dlt_dir, in_use, is_damage, lock_conflict, open_state

EXIT_OK, EXIT_ATTENTION, EXIT_REFUSED = 0, 1, 2


def ensure_sandbox(console: Console, pipelines_dir: Path | None = None) -> None:
    """Start the sandbox when the configuration points at it (the default) and it does not answer. The
    check is a socket connect in this process; only a sandbox that is not up costs the `start` process.
    The URLs come from the configuration extraction remembered (sourceconfig) when that still holds, so
    a sync with nothing to do does not import dlt for them."""
    systems = ("exact", "wave", "custompms")
    remembered = [sourceconfig.recall(pipelines_dir, system) for system in systems] if pipelines_dir else []
    if remembered and all(remembered):
        urls = [remembered[0].get("base_url"), remembered[1].get("graphql_url"), remembered[2].get("base_url")]
    else:
        import dlt

        urls = [dlt.config.get("sources.exact.base_url"), dlt.config.get("sources.wave.graphql_url"),
                dlt.config.get("sources.custompms.base_url")]
    sandbox_ports = set(settings.SANDBOX_PORTS.values())
    local = [urlsplit(url) for url in urls if url]
    ports = {(url.hostname, url.port) for url in local
             if url.hostname in ("127.0.0.1", "localhost") and url.port in sandbox_ports}
    if ports and not all(answers(host, port) for host, port in ports):
        subprocess.run([sys.executable, "-m", "pipelines.sandbox", "start", "--quiet"], check=True)


def _exit(run: Run) -> int:
    return EXIT_ATTENTION if run.needs_person else EXIT_OK


def _consolidate(run: Run, console: Console, db_path: Path) -> None:
    """After the models: the quarantine holds what the data reports now."""
    from pipelines.quarantine import consolidate

    with open_state(db_path) as con:
        counts = consolidate(con, run.run_id)
    run.quarantined += counts["opened"]
    console.log("quarantine", **counts)


def cmd_extract(args: argparse.Namespace, console: Console) -> int:
    from pipelines.extract import extract

    ensure_sandbox(console, dlt_dir(args.db))
    with tracked_run("extract", args.db) as run:
        extract(run, console, db_path=args.db, pipelines_dir=dlt_dir(args.db))
    return _exit(run)


def cmd_transform(args: argparse.Namespace, console: Console) -> int:
    from pipelines.status import settle
    from pipelines.transform import transform

    with tracked_run("transform", args.db) as run:
        with run.stage("transform"):
            transform(run, console, db_path=args.db, full_refresh=args.full_refresh)
            _consolidate(run, console, args.db)
        settle(run)
    for line in run.attention:
        console.error(line)
    return _exit(run)


def cmd_plan(args: argparse.Namespace, console: Console) -> int:
    from pipelines.push.plan import show_plan

    return show_plan(console, db_path=args.db, limit=args.limit)


def cmd_push(args: argparse.Namespace, console: Console) -> int:
    from pipelines.push.push import push
    from pipelines.status import settle

    ensure_sandbox(console, dlt_dir(args.db))
    with tracked_run("push", args.db) as run:
        with run.stage("push"):
            push(run, console, db_path=args.db)
        settle(run)
    for line in run.problems + run.attention:
        console.error(line)
    return _exit(run)


def cmd_sync(args: argparse.Namespace, console: Console) -> int:
    from pipelines.extract import extract
    from pipelines.push.push import push
    from pipelines.status import settle, summarize_run
    from pipelines.transform import transform

    ensure_sandbox(console, dlt_dir(args.db))
    with tracked_run("sync", args.db) as run:
        extract(run, console, db_path=args.db, pipelines_dir=dlt_dir(args.db))
        with run.stage("transform"):
            transform(run, console, db_path=args.db)
            _consolidate(run, console, args.db)
        with run.stage("push"):
            push(run, console, db_path=args.db)
        settle(run)
    summarize_run(run, console)
    return _exit(run)


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
    from pipelines.connect.command import run

    ensure_sandbox(console)
    return run(args, console)


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    ensure_sandbox(console)
    subprocess.run([sys.executable, "-m", "pipelines.sandbox", "status"], check=False)
    code = cmd_sync(args, console)
    console.log("next: `make status`, `make verify`, `make sql Q=\"select * from sync.links limit 5\"`")
    return code


# ---------------------------------------------------------------------- stewardship


def cmd_candidates(args: argparse.Namespace, console: Console) -> int:
    from pipelines.steward import show_candidates

    with reading(args.db), open_state(args.db, read_only=True) as con:
        return show_candidates(con, console, args.id, limit=args.limit)


def _decide(args: argparse.Namespace, console: Console,
            act: Callable[..., dict], what: str) -> int:
    """Run one decision under the run lock, in one transaction with its sync.decisions row."""
    from pipelines import steward
    from pipelines.state import ensure_state

    decision = steward.decider(args.by, args.note)
    with tracked_run(args.command, args.db) as run, open_state(args.db) as con:
        ensure_state(con)
        con.execute("begin")
        try:
            detail = act(con, decision, run.run_id)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    if detail.get("already"):
        console.log(f"nothing to do: already in one cluster ({detail['cluster']})")
        return EXIT_OK
    console.log(f"{what} (decision {decision.decision_id} by {decision.by}); it takes effect on the next "
                "`make sync`")
    console.log(json.dumps(detail, default=str, ensure_ascii=False))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.accept(con, args.id, d, run_id),
                   f"accepted candidate {args.id}: linked")


def cmd_reject(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.reject(con, args.id, d),
                   f"rejected candidate {args.id}: the records stay apart")


def cmd_link(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.link(con, args.a, args.b, d, run_id),
                   f"linked {args.b} with {args.a}")


def cmd_unlink(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.unlink(con, args.record, d),
                   f"unlinked {args.record}: the next sync gives it a cluster of its own")


def cmd_resolve(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console,
                   lambda con, d, run_id: steward.resolve(con, args.id, args.cluster, args.apart, d, run_id),
                   f"resolved conflict {args.id}")


def cmd_retry(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.retry(con, args.id, args.all, d),
                   f"retry {args.id or 'all'}")


def cmd_ignore(args: argparse.Namespace, console: Console) -> int:
    from pipelines import steward

    return _decide(args, console, lambda con, d, run_id: steward.ignore(con, args.id, d), f"ignored {args.id}")


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Console], int], str]] = {
    "extract": (cmd_extract, "land the three systems' customers into DuckDB"),
    "transform": (cmd_transform, "run the SQL models"),
    "plan": (cmd_plan, "show what push would send, without sending"),
    "push": (cmd_push, "send pending outbox operations"),
    "sync": (cmd_sync, "extract, transform, push, then a summary"),
    "status": (cmd_status, "last runs, what is waiting or dead, the quarantine; exit 1 if a person is needed"),
    "sql": (cmd_sql, "SQL on the state file"),
    "audit": (cmd_audit, "run the canned audit queries"),
    "verify": (cmd_verify, "reconcile the three systems live"),
    "doctor": (cmd_doctor, "settings, auth, token age, rate budgets and blocks per system"),
    "docs": (cmd_docs, "write the dataflow documents (column lineage) and docs/state.md (the schema)"),
    "demo": (cmd_demo, "start the sandbox and sync it"),
    "connect": (cmd_connect, "connect Exact (OAuth), Wave (OAuth or a full access token) and CustomPMS (key check)"),
    "candidates": (cmd_candidates, "fuzzy match candidates, both records side by side"),
    "accept": (cmd_accept, "accept a match candidate: link its records"),
    "reject": (cmd_reject, "reject a match candidate: keep its records apart"),
    "link": (cmd_link, "link record B into record A's cluster (records as system:entity:id)"),
    "unlink": (cmd_unlink, "end a record's link: it gets a cluster of its own, and no rule links it back"),
    "resolve": (cmd_resolve, "settle a match conflict by choosing its cluster (or keeping it apart)"),
    "retry": (cmd_retry, "send a dead operation again, or release a rejected value after a fix"),
    "ignore": (cmd_ignore, "accept a quarantine row (or give up a dead operation), with a reason"),
}
DECISIONS = ("accept", "reject", "link", "unlink", "resolve", "retry", "ignore")


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """--quiet, --log-json and --db, accepted before the command and after it (`ARGS=` in make puts them
    after). After the command their defaults are suppressed, so they never undo one given before it."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--quiet", action="store_true", default=default(False), help="print results only")
    parser.add_argument("--log-json", action="store_true", default=default(False),
                        help="JSON log lines (for schedulers)")
    parser.add_argument("--db", type=Path, default=default(settings.DUCKDB_FILE),
                        help="the state file (default state/customer_sync.duckdb); dlt's working dir sits beside it")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="customer-sync", description=__doc__.splitlines()[0])
    _global_options(root, suppress=False)
    sub = root.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(command, suppress=True)
        if name == "transform":
            command.add_argument("--full-refresh", action="store_true", help="rebuild incremental models")
        if name in ("plan", "candidates"):
            command.add_argument("--limit", type=int, default=20 if name == "plan" else 10,
                                 help="how many to show")
        if name == "status":
            command.add_argument("--runs", type=int, default=10, help="how many recent runs to list")
        if name == "sql":
            command.add_argument("--query", "-q", help="one query; without it an interactive shell")
        if name == "connect":
            from pipelines.connect.arguments import add_arguments

            add_arguments(command)
        if name == "audit":
            command.add_argument("name", nargs="?", help="one audit query by file name (default: all)")
            command.add_argument("--customer", help="narrow the queries to a customer (name, email or VAT)")
        if name == "candidates":
            command.add_argument("id", nargs="?", help="one candidate (its id, or the start of it)")
        if name in ("accept", "reject", "resolve", "ignore"):
            command.add_argument("id", help="the candidate, conflict or quarantine row (its id or the start of it)")
        if name == "retry":
            command.add_argument("id", nargs="?", help="an operation (op_...) or a quarantine row")
            command.add_argument("--all", action="store_true", help="every dead operation and rejected value")
        if name == "link":
            command.add_argument("a", help="a record, system:entity:id (B joins its cluster)")
            command.add_argument("b", help="the other record, system:entity:id")
        if name == "unlink":
            command.add_argument("record", help="the record, system:entity:id")
        if name == "resolve":
            command.add_argument("--cluster", help="the cluster the record joins")
            command.add_argument("--apart", action="store_true", help="the record keeps (or gets) its own cluster")
        if name in DECISIONS:
            command.add_argument("--note", help="why (recorded with the decision; required by ignore)")
            command.add_argument("--by", help="who decides (default: the OS user)")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    console = Console(quiet=args.quiet, json_logs=args.log_json)
    try:
        return COMMANDS[args.command][0](args, console)
    except OperatorError as exc:  # written for a person: the lock, the state file, a setting, a decision
        console.error(summarize(exc, limit=2000))
        return EXIT_REFUSED
    except Exception as exc:
        from pipelines.models.runner import ModelError  # here: the runner (sqlglot) is not on every command's path

        if isinstance(exc, ModelError):  # names the model file and DuckDB's message
            if is_damage(exc.__cause__ or exc):
                console.error(str(damaged(args.db, exc.__cause__)))
                return EXIT_REFUSED
            console.error(str(exc))
            return EXIT_ATTENTION
        if (missing := missing_config(exc)) is not None:
            console.error(str(missing))
            return EXIT_REFUSED
        if is_damage(exc):  # the file opened, but a part of it DuckDB needed later could not be read
            console.error(str(damaged(args.db, exc)))
            return EXIT_REFUSED
        # a DuckDB client outside the product opened the file between two stages
        if (held := lock_conflict(exc)) is not None:
            console.error(str(in_use(args.db, held, 0)))
            return EXIT_REFUSED
        if any(isinstance(error, OperatorError) for error in _chain(exc)):  # wrapped by dlt or a thread pool
            console.error(summarize(exc, limit=2000))
            return EXIT_REFUSED
        raise


if __name__ == "__main__":
    sys.exit(main())
