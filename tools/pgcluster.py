"""A throw-away PostgreSQL cluster for the test run: ``python -m tools.pgcluster run -- CMD``.

Starts a private cluster (initdb into a temporary folder, a free loopback port, the socket
inside that folder, trust authentication on loopback only, durability off because nothing
in it is kept), creates a test database, runs CMD with ``SV_TEST_DATABASE_URL`` set to it,
then stops the cluster and removes the folder, also when CMD fails or on Ctrl-C. CMD's
exit code is returned.

Where the PostgreSQL server binaries are missing: as root with apt-get they are installed
from Debian's packages (``postgresql``, ``postgresql-contrib``); otherwise the run stops with
one line saying how to install them. ``SV_NO_POSTGRES=1`` runs CMD without PostgreSQL (a
developer machine only; the PostgreSQL half of the tests is then not run, which is said
loudly). initdb refuses to run as root, so as root the cluster belongs to the ``postgres``
user (``runuser``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

URL_VARIABLE = "SV_TEST_DATABASE_URL"
SKIP_VARIABLE = "SV_NO_POSTGRES"
MIN_VERSION = 15
SUPERUSER = "sv_test"
DATABASE = "sociaalveilig_test"
CLUSTER_USER = "postgres"
GRACE_SECONDS = int(os.environ.get("SV_PGCLUSTER_GRACE", "10"))
"""How long the command may take to stop after each signal (``SV_PGCLUSTER_GRACE`` for tests)."""

# Nothing in a test cluster outlives the run: durability only costs time here.
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "128MB",
    "log_min_messages": "warning",
}


class ClusterError(Exception):
    """One line for the developer: what failed and what to do."""


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int
    bindir: Path
    user: str | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"


def _version(bindir: Path) -> int:
    out = subprocess.run(
        [str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)", out)
    return int(match.group(1)) if match else 0


def find_bindir() -> Path | None:
    """The newest server binaries (15 or newer): Debian's versioned folders, then PATH."""
    candidates = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")]
    candidates.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
                    reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for bindir in candidates:
        tools = (bindir / "initdb").exists() and (bindir / "pg_ctl").exists()
        if tools and _version(bindir) >= MIN_VERSION:
            return bindir
    return None


def install_with_apt() -> None:
    """Install the Debian packages (root only), without the cluster Debian would start."""
    config = Path("/etc/postgresql-common/createcluster.conf")
    if not config.exists():
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text("create_main_cluster = false\n", encoding="utf-8")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("pgcluster: PostgreSQL wordt geïnstalleerd (apt-get) ...", file=sys.stderr)
    for args in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
         "postgresql", "postgresql-contrib"],
    ):
        result = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=False)
        if result.returncode != 0:
            raise ClusterError(
                "installing PostgreSQL with apt-get failed; install the Debian packages "
                "'postgresql postgresql-contrib' (15 or newer) by hand"
            )


def ensure_bindir() -> Path | None:
    """The binaries, installed where that is allowed; None when the run may go without."""
    bindir = find_bindir()
    if bindir is not None:
        return bindir
    if os.geteuid() == 0 and shutil.which("apt-get"):
        install_with_apt()
        bindir = find_bindir()
        if bindir is not None:
            return bindir
    if os.environ.get(SKIP_VARIABLE) == "1":
        return None
    raise ClusterError(
        "PostgreSQL 15+ server binaries (initdb, pg_ctl) not found: install them "
        "(Debian/Ubuntu: sudo apt-get install postgresql postgresql-contrib), or set "
        f"{SKIP_VARIABLE}=1 to run without the PostgreSQL tests on this machine"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(cluster_user: str | None, args: Sequence[str]) -> list[str]:
    return ["runuser", "-u", cluster_user, "--", *args] if cluster_user else list(args)


def _run(args: Sequence[str], what: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ClusterError(f"{what} failed: {detail[-1] if detail else result.returncode}")


def start(bindir: Path) -> Cluster:
    """initdb, configure, start and create the test database."""
    cluster_user: str | None = None
    folder = Path(tempfile.mkdtemp(prefix="sv-pgcluster-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(CLUSTER_USER)
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            raise ClusterError(
                f"running as root needs the '{CLUSTER_USER}' user to own the cluster; "
                "install the Debian package 'postgresql' or run as an ordinary user"
            ) from None
        cluster_user = CLUSTER_USER
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    cluster = Cluster(folder, free_port(), bindir, cluster_user)
    try:
        _run(
            _as_owner(cluster_user, [
                str(bindir / "initdb"), "-D", str(cluster.data), "-U", SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            ]),
            "initdb",
        )
        # Trust on loopback only: no other address is listened on, and the socket lies in
        # the cluster's own folder.
        hba = "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        _write_as_owner(cluster, cluster.data / "pg_hba.conf", hba)
        conf = "".join(f"{key} = {value}\n" for key, value in SETTINGS.items())
        conf += f"port = {cluster.port}\nunix_socket_directories = '{cluster.folder}'\n"
        _write_as_owner(cluster, cluster.data / "postgresql.auto.conf", conf)
        _run(
            _as_owner(cluster_user, [
                str(bindir / "pg_ctl"), "-D", str(cluster.data), "-w", "-t", "60",
                "-l", str(cluster.folder / "server.log"), "start",
            ]),
            "pg_ctl start",
        )
        _run(
            [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port),
             "-U", SUPERUSER, DATABASE],
            "createdb",
        )
    except BaseException:
        stop(cluster)
        raise
    return cluster


def _write_as_owner(cluster: Cluster, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    if cluster.user:
        owner = pwd.getpwnam(cluster.user)
        os.chown(path, owner.pw_uid, owner.pw_gid)


def stop(cluster: Cluster) -> None:
    """Stop the server (immediately: nothing is kept) and remove its folder."""
    if (cluster.data / "postmaster.pid").exists():
        subprocess.run(
            _as_owner(cluster.user, [
                str(cluster.bindir / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate",
                "-w", "stop",
            ]),
            capture_output=True, check=False,
        )
    shutil.rmtree(cluster.folder, ignore_errors=True)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (CI's end, a killed make) cleans up like Ctrl-C does."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop_child(child: subprocess.Popen[bytes]) -> None:
    """Stop the command: Ctrl-C first (pytest ends its run cleanly), then SIGTERM, then
    SIGKILL. A command started in the background ignores SIGINT, so it cannot be the only
    way, or the cluster would never be stopped."""
    for stop_it in (lambda: child.send_signal(signal.SIGINT), child.terminate, child.kill):
        stop_it()
        try:
            child.wait(timeout=GRACE_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def run(command: Sequence[str]) -> int:
    try:
        bindir = ensure_bindir()
    except ClusterError as exc:
        print(f"pgcluster: {exc}", file=sys.stderr)
        return 2
    if bindir is None:
        banner = "!" * 78
        print(f"{banner}\npgcluster: {SKIP_VARIABLE}=1: the PostgreSQL tests are NOT run\n"
              f"{banner}", file=sys.stderr)
        return subprocess.call(list(command))
    with _terminate_as_interrupt():
        try:
            cluster = start(bindir)
        except ClusterError as exc:
            print(f"pgcluster: {exc}", file=sys.stderr)
            return 2
        try:
            print(f"pgcluster: {URL_VARIABLE}={cluster.url}", file=sys.stderr)
            env = {**os.environ, URL_VARIABLE: cluster.url}
            child = subprocess.Popen(list(command), env=env)
            try:
                return child.wait()
            except KeyboardInterrupt:
                _stop_child(child)
                return 130
        finally:
            stop(cluster)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[0] != "run" or args[1] != "--":
        print("usage: python -m tools.pgcluster run -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    return run(args[2:])


if __name__ == "__main__":
    sys.exit(main())
