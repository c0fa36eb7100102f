"""`python -m pipelines.models run|list|docs [--db PATH] [--full-refresh]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines import settings
from pipelines.models.runner import ModelError, discover, order, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.models")
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="run every model in dependency order")
    run_p.add_argument("--db", type=Path, default=settings.DUCKDB_FILE)
    run_p.add_argument("--full-refresh", action="store_true", help="rebuild incremental models from scratch")
    sub.add_parser("list", help="print the models in run order with their dependencies")
    docs_p = sub.add_parser("docs", help="generate docs/dataflows/*.rst from the models' column lineage")
    docs_p.add_argument("--out", type=Path, default=settings.ROOT / "docs" / "dataflows")
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            run(args.db, full_refresh=args.full_refresh, log=print)
        elif args.command == "list":
            for model in order(discover()):
                print(
                    f"{model.qualified:45} {model.materialized:11} "
                    f"<- {', '.join(sorted(model.depends_on)) or '-'}"
                )
        else:
            from pipelines.models.docs import write_docs

            for path in write_docs(args.out):
                print(path)
    except ModelError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
