"""The options of `connect`, apart from the flows: the CLI builds every subcommand's parser on each
command, and the flows' imports (token files, TOML editing) are not needed for a `sync`."""

from __future__ import annotations

import argparse

from pipelines import settings

SYSTEMS = ("exact", "wave", "custompms")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("system", nargs="?", default="all", choices=(*SYSTEMS, "all"), help="default: all")
    parser.add_argument("--timeout", type=float, default=settings.CONNECT_TIMEOUT,
                        help="seconds to wait for the browser (default %(default)s)")
    parser.add_argument("--paste", action="store_true",
                        help="no loopback listener: paste the address the browser ended on")
    parser.add_argument("--no-browser", action="store_true", help="only print the address to open")
    parser.add_argument("--token", action="store_true", help="Wave: paste a full access token (prompted)")
    parser.add_argument("--token-stdin", action="store_true", help="Wave: read a full access token from stdin")
    parser.add_argument("--business", action="append", default=[], metavar="ID",
                        help="Wave: sync this business (repeatable); written to sources.wave.business_ids")
    parser.add_argument("--all-businesses", action="store_true",
                        help="Wave: sync every business the token sees (removes sources.wave.business_ids)")
