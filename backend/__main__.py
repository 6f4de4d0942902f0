"""Command line: `python -m backend serve|migrate|seed|create-admin|export-schema`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from backend.core.settings import ROOT, Settings

SCHEMA_PATH = ROOT / "schema.graphql"


def export_schema_text() -> str:
    from strawberry.printer import print_schema

    from backend.core.schema import schema

    return print_schema(schema) + "\n"


def create_admin_command(
    settings: Settings, username: str, street: str, name: str, *, new_street: bool = False
) -> int:
    import asyncio
    import getpass
    import os

    from backend.accounts.bootstrap import BootstrapRefused, create_admin
    from backend.core.db import Database
    from backend.core.migrate import upgrade_database

    password = os.environ.get("ADMIN_PASSWORD")
    if password is None:
        password = getpass.getpass("密码：")
        if getpass.getpass("再输入一次密码：") != password:
            print("两次输入的密码不一致，未做任何修改。", file=sys.stderr)
            return 1
    upgrade_database(settings)

    async def run() -> str:
        database = Database(settings)
        try:
            async with database.session() as session:
                created = await create_admin(
                    session,
                    username=username,
                    display_name=name,
                    street_name=street,
                    password=password,
                    new_street=new_street,
                )
            new = "（新建）" if created.street_created else ""
            return f"已创建街道管理员“{created.user.username}”，管理 {created.street.name}{new}。"
        finally:
            await database.dispose()

    try:
        print(asyncio.run(run()))
    except BootstrapRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="migrate, load demo data if empty, serve")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    commands.add_parser("migrate", help="upgrade the database to the newest schema")
    seed: Any = commands.add_parser("seed", help="load the demo street into an empty database")
    seed.add_argument("--force", action="store_true", help="seed even if data exists")
    admin: Any = commands.add_parser(
        "create-admin",
        help="create a street administrator (and the street, when new); the password is read "
        "from ADMIN_PASSWORD or asked twice",
    )
    admin.add_argument("--username", required=True)
    admin.add_argument("--street", required=True, help="the street working committee's name")
    admin.add_argument("--name", default="", help="the administrator's name as shown")
    admin.add_argument(
        "--new-street", action="store_true", help="make another street beside an existing one"
    )
    export = commands.add_parser("export-schema", help="write schema.graphql")
    export.add_argument("--output", type=Path, default=SCHEMA_PATH)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings.from_env()

    if args.command == "export-schema":
        args.output.write_text(export_schema_text(), encoding="utf-8")
        print(f"wrote {args.output}")
    elif args.command == "migrate":
        from backend.core.migrate import upgrade_database

        upgrade_database(settings)
    elif args.command == "seed":
        from backend.core.migrate import upgrade_database
        from backend.seed import seed, seed_if_empty

        upgrade_database(settings)
        if args.force:
            seed(settings)
        else:
            seed_if_empty(settings)
    elif args.command == "create-admin":
        return create_admin_command(
            settings, args.username, args.street, args.name, new_street=args.new_street
        )
    elif args.command == "serve":
        import uvicorn

        from backend.core.app import create_app

        uvicorn.run(
            create_app(settings),
            host=args.host or settings.host,
            port=args.port or settings.port,
            proxy_headers=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
