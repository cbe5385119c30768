"""The database part of a backup: PostgreSQL with ``pg_dump --format=custom`` / ``pg_restore``, SQLite with its online
backup API; row counts per table, taken from the very state that is dumped."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections
from django.db.utils import load_backend
from django.utils.translation import gettext as _

from lms.backup.errors import BackupError


def _pg_env(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command: list[str], *, env: dict, timeout: float) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603 - our argv
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _tables(connection) -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _counts(cursor, connection, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        # Table names from Django's own introspection, quoted by the backend.
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def database_dump(*, folder: Path) -> tuple[str, dict[str, int], dict]:
    """Dump the default database into ``folder``: (the file's name, rows per table, what the manifest says of it)."""
    connection = connections["default"]
    if connection.in_atomic_block:
        raise BackupError("A backup runs outside any transaction (it takes its own snapshot).")
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        name = "database.pgdump"
        tables = _tables(connection)
        # One snapshot for the counts and for pg_dump: both see exactly the same rows, whatever is written meanwhile.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            try:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts = _counts(cursor, connection, tables)
                command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
                command += [f"--file={folder / name}", connection.settings_dict["NAME"]]
                _run(command, env=_pg_env(connection.settings_dict), timeout=3600)
            finally:
                cursor.execute("ROLLBACK")
        return name, counts, {"vendor": "postgresql", "server_version": connection.pg_version}
    if connection.vendor == "sqlite":
        name = "database.sqlite3"
        copy = sqlite3.connect(folder / name)
        try:
            connection.connection.backup(copy)  # online: a consistent copy while the site keeps running
            counts = _counts(copy.cursor(), connection, _tables(connection))
        finally:
            copy.close()
        return name, counts, {"vendor": "sqlite", "server_version": sqlite3.sqlite_version}
    raise BackupError(f"Backing up a {connection.vendor} database is not supported.")


def _target(database_name: str | None):
    """The connection to restore into: the default database, or another database of the same server (a drill)."""
    default = connections["default"]
    if not database_name:
        return default, False
    settings_dict = dict(default.settings_dict, NAME=database_name)
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias="backup-restore"), True


def _pg_other_sessions(cursor, name: str) -> list[str]:
    cursor.execute(
        "SELECT pid, coalesce(nullif(application_name, ''), usename), coalesce(host(client_addr), 'local')"
        " FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() ORDER BY pid",
        [name],
    )
    return [f"{who} ({where}, pid {pid})" for pid, who, where in cursor.fetchall()]


def _pg_recreate(connection, *, terminate_connections: bool) -> None:
    """Drop the site's database and create it again, empty, as an operator would before ``pg_restore``.

    Run from the server's maintenance database. Other sessions on the database (the site, the Celery workers, beat)
    are a refusal unless ``terminate_connections``: then they are ended (``DROP DATABASE … WITH (FORCE)``, which
    also ends one that connects in between)."""
    name = connection.settings_dict["NAME"]
    connections.close_all()  # ours first: no transaction of ours may hold the database
    with connection._nodb_cursor() as cursor:
        others = _pg_other_sessions(cursor, name)
        if others and not terminate_connections:
            raise BackupError(
                _(
                    "%(count)d other connections use the database %(name)s: %(sessions)s. Stop the site, the Celery "
                    "workers and beat first, or let the restore end them (--terminate-connections). Nothing was "
                    "restored."
                )
                % {"count": len(others), "name": name, "sessions": "; ".join(others[:5])}
            )
        quoted = connection.ops.quote_name(name)
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")


def database_restore(
    *, file: Path, vendor: str, database_name: str | None, terminate_connections: bool = False
) -> dict[str, int]:
    """Replace the target database with the dump; returns the rows per table found there afterwards.

    The site's own PostgreSQL database is dropped and created again first (refused while other sessions use it,
    unless ``terminate_connections``); another database of the server (``database_name``: a drill, a staging copy)
    must exist and has its objects replaced (``pg_restore --clean``). SQLite's backup API replaces the whole file's
    content."""
    target, owned = _target(database_name)
    if target.vendor != vendor:
        raise BackupError(f"The archive holds a {vendor} database; this site uses {target.vendor}.")
    try:
        if vendor == "postgresql":
            if not owned:
                _pg_recreate(target, terminate_connections=terminate_connections)
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error"]
            command += [f"--dbname={target.settings_dict['NAME']}", str(file)]
            _run(command, env=_pg_env(target.settings_dict), timeout=3600)
        else:
            target.ensure_connection()
            source = sqlite3.connect(file)
            try:
                source.backup(target.connection)
            finally:
                source.close()
        target.ensure_connection()
        with target.cursor() as cursor:
            return _counts(cursor, target, _tables(target))
    finally:
        if owned:
            target.close()
