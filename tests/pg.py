"""A throwaway PostgreSQL server for the test session, on 127.0.0.1 in a temp dir.

Uses the Debian server binaries (/usr/lib/postgresql/*/bin). PostgreSQL refuses to
run as root, so under root the data dir belongs to the ``postgres`` system user and
every server command runs through ``runuser``. In CI (CI=true) missing binaries are
installed with scripts/install_postgres.sh, and if that fails the tests fail: the
store must be tested on PostgreSQL, never silently skipped.
"""
from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL_SCRIPT = ROOT / "scripts" / "install_postgres.sh"
SERVER_USER = "postgres"            # the Debian package's system user
DB_USER = "casefile"
START_TIMEOUT_SECONDS = 60
# Durability is pointless for a throwaway server and costs seconds per test.
SERVER_OPTIONS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                  "-c max_connections=50 -c shared_buffers=32MB")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def bin_dir() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, if any."""
    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()]
    if not found:
        return None
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def ensure_binaries() -> Path:
    """The bin folder, installing the server first in CI; skip (locally) or fail (CI) without it."""
    found = bin_dir()
    if found is None and in_ci() and os.geteuid() == 0 and INSTALL_SCRIPT.exists():
        subprocess.run(["bash", str(INSTALL_SCRIPT)], check=False)
        found = bin_dir()
    if found is None:
        message = "PostgreSQL server binaries not found; run scripts/install_postgres.sh as root"
        if in_ci():
            pytest.fail(message + " (CI=true: the PostgreSQL store tests must run)", pytrace=False)
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One initdb'd cluster; ``start()`` then ``url(dbname)``; ``stop()`` removes everything."""

    def __init__(self, bins: Path):
        self.bins = bins
        self.root = Path(tempfile.mkdtemp(prefix="casefile-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.as_root = os.geteuid() == 0
        self._names = itertools.count(1)

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bins / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", SERVER_USER, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=START_TIMEOUT_SECONDS)

    def _give_to_server_user(self) -> None:
        if not self.as_root:
            return
        user = pwd.getpwnam(SERVER_USER)
        os.chown(self.root, user.pw_uid, user.pw_gid)
        os.chmod(self.root, 0o700)

    def start(self) -> Server:
        self._give_to_server_user()
        done = self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", DB_USER, "-E", "UTF8",
                         "--locale=C", "--no-sync")
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr or done.stdout}")
        for _attempt in range(3):          # another process may take the port between probe and bind
            self.port = free_port()
            options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 {SERVER_OPTIONS}"
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                             "-w", "-t", str(START_TIMEOUT_SECONDS), "start")
            if done.returncode == 0:
                return self
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr}\n{self.log_tail()}")

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{DB_USER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A new empty database; its postgresql:// URL."""
        import psycopg

        name = f"casefile_test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def wait_until_accepting(server: Server, seconds: float = 10.0) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A running PostgreSQL server for the whole session, removed afterwards."""
    server = Server(ensure_binaries())
    try:
        server.start()
        wait_until_accepting(server)
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: Server) -> str:
    """A fresh, empty database on the session server."""
    return pg_server.create_database()
