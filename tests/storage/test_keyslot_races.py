"""Key-slot changes from several processes at once: none is lost, none is undone.

Each change to keyslots.json takes the store folder's file lock and reads the file again
before changing one slot, so two ``passwd`` at the same moment both land, and a beheerder's
window that was opened before a passphrase change does not write the old slot back when it
adds a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sociaalveilig.core.errors import AuthenticationError, UsageError
from sociaalveilig.services import setup, users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.keyslot_lock import keyslot_lock
from sociaalveilig.storage.keyslots import KeySlotFile
from sociaalveilig.storage.sqlite.store import keyslot_path
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
ANNA = "anna"
ANNA_PASSPHRASE = "rivier lamp wolk anna 0"
ROUNDS = 6

# One process: change the passphrase of one user ROUNDS times, each from the last.
_PASSWD_LOOP = """
import sys
from pathlib import Path
from sociaalveilig.services.setup import change_passphrase
folder, user, first, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
old = first
for i in range(1, rounds + 1):
    new = f"rivier lamp wolk {user} {i}"
    change_passphrase(folder, user, old, new)
    old = new
print("klaar")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _opens(folder: Path, user: str, passphrase: str) -> bool:
    try:
        key = KeySlotFile.load(keyslot_path(folder)).unlock(user, passphrase)
    except AuthenticationError:
        return False
    key[:] = bytes(len(key))
    return True


def test_two_processes_changing_passphrases_at_once_lose_nothing(
    admin_ctx: ServiceContext,
) -> None:
    folder = admin_ctx.store.folder
    users.add_user(admin_ctx, ANNA, "coordinator", ANNA_PASSPHRASE)
    admin_ctx.store.close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _PASSWD_LOOP, str(folder), user, first, str(ROUNDS)],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user, first in ((ADMIN, ADMIN_PASSPHRASE), (ANNA, ANNA_PASSPHRASE))
    ]
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.strip() == "klaar"
    # Every one of the 2 x ROUNDS changes was made from the one before it: had any write
    # put back an older slot, the next change of that user would have failed (exit != 0).
    assert _opens(folder, ADMIN, f"rivier lamp wolk {ADMIN} {ROUNDS}")
    assert _opens(folder, ANNA, f"rivier lamp wolk {ANNA} {ROUNDS}")
    assert not _opens(folder, ANNA, ANNA_PASSPHRASE)
    assert not _opens(folder, ADMIN, ADMIN_PASSPHRASE)


def test_an_open_window_adding_a_user_keeps_a_passphrase_changed_elsewhere(
    admin_ctx: ServiceContext,
) -> None:
    folder = admin_ctx.store.folder
    users.add_user(admin_ctx, ANNA, "coordinator", ANNA_PASSPHRASE)
    # The beheerder's window stays open; meanwhile anna changes her passphrase elsewhere.
    new = "anna koos een eigen zin"
    proc = subprocess.run(
        [sys.executable, "-m", "sociaalveilig.cli", "--store", str(folder), "--user", ANNA,
         "--passphrase-stdin", "passwd"],
        input=f"{ANNA_PASSPHRASE}\n{new}\n",
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    # The window, holding the key slots as they were when it opened, adds a user.
    users.add_user(admin_ctx, "bas", "manager", "bas heeft ook een zin")
    assert _opens(folder, ANNA, new)
    assert not _opens(folder, ANNA, ANNA_PASSPHRASE)
    assert _opens(folder, "bas", "bas heeft ook een zin")


def test_an_open_window_removing_a_user_keeps_a_passphrase_changed_elsewhere(
    admin_ctx: ServiceContext,
) -> None:
    folder = admin_ctx.store.folder
    users.add_user(admin_ctx, ANNA, "coordinator", ANNA_PASSPHRASE)
    users.add_user(admin_ctx, "bas", "manager", "bas heeft ook een zin")
    setup.change_passphrase(folder, ANNA, ANNA_PASSPHRASE, "anna koos een eigen zin")
    users.deactivate_user(admin_ctx, "bas")
    assert _opens(folder, ANNA, "anna koos een eigen zin")
    assert not _opens(folder, ANNA, ANNA_PASSPHRASE)
    assert not _opens(folder, "bas", "bas heeft ook een zin")


def test_the_lock_holds_across_processes(admin_ctx: ServiceContext) -> None:
    """While another process holds the folder's lock, this one cannot take it (it says so
    after its time-out); once released, a change goes through."""
    folder = admin_ctx.store.folder
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from pathlib import Path\n"
            "from sociaalveilig.storage.keyslot_lock import keyslot_lock\n"
            "with keyslot_lock(Path(sys.argv[1])):\n"
            "    print('vast', flush=True)\n"
            "    sys.stdin.readline()\n",
            str(folder),
        ],
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "vast"
    with pytest.raises(UsageError) as info, keyslot_lock(folder, timeout=0.1):
        pass
    assert "bezet door een ander programma" in info.value.message
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0
    setup.change_passphrase(folder, ADMIN, ADMIN_PASSPHRASE, "rivier lamp wolk na het wachten")
    assert _opens(folder, ADMIN, "rivier lamp wolk na het wachten")
