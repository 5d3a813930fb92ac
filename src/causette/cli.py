"""The ``causette`` command: ``causette serve`` starts a server."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from causette import __version__, config, logs
from causette.errors import ConfigError


def _port(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {raw!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 0 and 65535, not {value}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="causette", description="A chat with no sign-up.")
    p.add_argument("--version", action="version", version=f"causette {__version__}")
    commands = p.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the chat server")
    serve.add_argument("--host", help="address to listen on (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=_port, help="port to listen on; 0 picks a free one")
    serve.add_argument("--config", type=Path, help="TOML configuration file")
    serve.add_argument("--data-dir", type=Path, help="folder for the database and the key")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    check = commands.add_parser("check-config", help="validate a configuration file and exit")
    check.add_argument("config", type=Path)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "check-config":
            settings = config.load(args.config)
            print(f"{args.config}: valid ({len(settings.rooms)} rooms)")
            return 0
        settings = config.load(args.config)
    except ConfigError as error:
        print(
            f"causette: configuration error: {error.params.get('key')}: "
            f"{error.params.get('problem')}",
            file=sys.stderr,
        )
        return 2
    from causette.app import serve, with_overrides

    settings = with_overrides(settings, args.host, args.port, args.data_dir)
    logs.configure(args.log_level)
    try:
        asyncio.run(serve(settings))
    except ConfigError as error:
        print(
            f"causette: configuration error: {error.params.get('key')}: "
            f"{error.params.get('problem')}",
            file=sys.stderr,
        )
        return 2
    except OSError as error:
        print(
            f"causette: cannot listen on {settings.server.host}:{settings.server.port}: "
            f"{error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        pass
    return 0
