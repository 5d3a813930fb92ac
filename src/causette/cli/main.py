"""The ``causette`` command: ``causette serve`` starts a server."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from causette import __version__, config, logs
from causette.errors import ConfigError

ROLES = ("moderator", "administrator", "trusted_flagger")
PASSWORD_ENV = "CAUSETTE_PASSWORD"
# What ``admin create-user`` says for each refusal of the account service.
ACCOUNT_ERRORS = {
    "username_invalid": "username: 3 to 32 characters among a-z, 0-9, '.', '_' and '-'",
    "username_taken": "username: an account with this name exists already",
    "password_too_short": "password: at least {min} characters",
    "password_too_long": "password: at most {max} characters",
}


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
    safety = commands.add_parser("safety", help="the automatic protection: measure it")
    safety_commands = safety.add_subparsers(dest="safety_command", required=True)
    evaluate = safety_commands.add_parser(
        "eval",
        help="replay a labelled corpus (JSON lines) through the live pipeline and report",
        description="Replay each conversation of FILE through the same services, gate and "
        "policy as the server, and report precision, recall, F0.5 and how early harm is "
        "flagged, per label and overall.",
    )
    evaluate.add_argument("file", type=Path, metavar="FILE.jsonl")
    evaluate.add_argument("--config", type=Path, help="TOML configuration (its [safety] policy)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument(
        "--no-model",
        action="store_true",
        help="the rules alone, without the model's review of delivered messages",
    )
    admin = commands.add_parser("admin", help="administration: reports, exports, accounts")
    _admin_parsers(admin.add_subparsers(dest="admin_command", required=True))
    return p


def _admin_parsers(admin: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``causette admin <command>``: each opens the data folder as ``serve`` would."""

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = admin.add_parser(name, help=help, description=help)
        sub.add_argument("--config", type=Path, help="TOML configuration file")
        sub.add_argument("--data-dir", type=Path, help="the server's data folder")
        return sub

    def days(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--from", dest="start_day", required=True, metavar="YYYY-MM-DD")
        sub.add_argument(
            "--to", dest="end_day", required=True, metavar="YYYY-MM-DD", help="included (UTC)"
        )

    report = command(
        "transparency-report", "write the transparency report (JSON, HTML and template CSV)"
    )
    days(report)
    report.add_argument("--out", type=Path, required=True, metavar="DIR")
    statements = command("statements", "export statements of reasons without personal data")
    days(statements)
    statements.add_argument("--out", type=Path, required=True, metavar="FILE")
    statements.add_argument(
        "--format",
        choices=("jsonl", "dsa-tdb"),
        default="jsonl",
        help="jsonl (one statement a line) or dsa-tdb (the Transparency Database's batch body)",
    )
    statements.add_argument(
        "--submit", action="store_true", help="also send them to the database ([dsa] submit)"
    )
    requisition = command("export-requisition", "answer a legal request (audited)")
    who = requisition.add_mutually_exclusive_group(required=True)
    who.add_argument("--nickname", metavar="NICK")
    who.add_argument("--guest", metavar="ID", help="a session id")
    days(requisition)
    requisition.add_argument("--reference", required=True, help="the request's reference")
    requisition.add_argument("--requested-by", required=True, metavar="NAME")
    requisition.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    from causette.cli.dsa_args import add_commands

    add_commands(command)
    demo = command("seed-demo", "fill an empty data folder with a demo history (6 weeks)")
    demo.add_argument(
        "--start", metavar="YYYY-MM-DD", help="first day (UTC); default: six weeks ago"
    )
    activity = command("record-activity", "record a month's count of active visitors")
    activity.add_argument("--month", required=True, metavar="YYYY-MM")
    user = command(
        "create-user",
        "create a console account; the password comes from CAUSETTE_PASSWORD or is asked twice",
    )
    user.add_argument("username", help="3 to 32 characters: a-z 0-9 . _ -")
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument(
        "--totp", action="store_true", help="require a one-time code; prints the URI to scan"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "safety":
        from causette.cli import safety_eval

        return safety_eval.run(args.file, args.config, args.json, not args.no_model)
    if args.command == "admin":
        if args.admin_command == "create-user":
            return create_user(args)
        from causette.cli import admin

        return admin.run(args)
    try:
        if args.command == "check-config":
            settings = config.load(args.config)
            if settings.safety.enabled:
                from causette.safety import policy

                policy.load(settings.safety.policy)
                from causette.app import model_of

                model_of(settings)
            print(f"{args.config}: valid ({len(settings.rooms)} rooms)")
            return 0
        settings = config.load(args.config)
    except ConfigError as error:
        return config_error(error)
    from causette.app import serve, with_overrides

    settings = with_overrides(settings, args.host, args.port, args.data_dir)
    logs.configure(args.log_level)
    try:
        asyncio.run(serve(settings))
    except ConfigError as error:
        return config_error(error)
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


def config_error(error: ConfigError) -> int:
    """Print a configuration error as one line; the exit status for it."""
    print(
        f"causette: configuration error: {error.params.get('key')}: {error.params.get('problem')}",
        file=sys.stderr,
    )
    return 2


class _Refusal(Exception):
    """A reason to stop a command, printed as one line with exit status 2."""


def read_password(
    environ: Mapping[str, str] = os.environ, prompt: Callable[[str], str] = getpass.getpass
) -> str:
    """The new account's password: ``CAUSETTE_PASSWORD``, or typed twice in a terminal."""
    password = environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is None or not sys.stdin.isatty():
        raise _Refusal(f"no password: set {PASSWORD_ENV} or run the command in a terminal")
    first = prompt("Password: ")
    if first != prompt("Password (again): "):
        raise _Refusal("the two passwords differ")
    return first


def create_user(
    args: argparse.Namespace,
    environ: Mapping[str, str] = os.environ,
    prompt: Callable[[str], str] = getpass.getpass,
) -> int:
    """``causette admin create-user``: an account in the server's database."""
    from causette.app import account_service, with_overrides
    from causette.domain.accounts import Role
    from causette.errors import CausetteError
    from causette.services.accounts import provisioning_uri

    try:
        settings = with_overrides(config.load(args.config), None, None, args.data_dir)
        password = read_password(environ, prompt)

        async def create() -> tuple[str, int, str | None]:
            async with account_service(settings) as accounts:
                account, secret = await accounts.create(
                    args.username, password, Role(args.role), totp=args.totp
                )
            return account.username, account.id, secret

        username, account_id, secret = asyncio.run(create())
    except _Refusal as refusal:
        print(f"causette: {refusal}", file=sys.stderr)
        return 2
    except ConfigError as error:
        return config_error(error)
    except CausetteError as error:
        text = ACCOUNT_ERRORS.get(error.code, error.code).format_map(error.params)
        print(f"causette: {text}", file=sys.stderr)
        return 2
    print(f"{args.role} {username!r} created (account {account_id}) in {settings.server.data_dir}")
    if secret is not None:
        print("Scan this URI with an authenticator app (it is shown once):")
        print(provisioning_uri(secret, username))
    return 0
