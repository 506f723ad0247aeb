"""Sign-in slowed down after failures: per user, across processes, said in Dutch, logged.

The throttle's clock is replaced by a fixed one (no sleeps, nothing timed): a test moves
it forward by hand.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.cli import run
from sociaalveilig.core.errors import AuthenticationError, SignInThrottled
from sociaalveilig.services import setup
from sociaalveilig.services.setup import login, recover
from sociaalveilig.storage import signin_throttle
from sociaalveilig.storage.keyslots import normalise_user_name
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.sqlite.store import PENDING_AUDIT_FILENAME, UNKNOWN_NAMES
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
WRONG = "dit is niet het wachtwoord"
START = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def throttle_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(signin_throttle, "clock", clock)
    return clock


def _fail(folder: Path, user: str = ADMIN, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError) as info:
            login(folder, user, WRONG)
        assert not isinstance(info.value, SignInThrottled)


def test_delays_grow_and_are_capped() -> None:
    assert [signin_throttle.delay_after(n) for n in range(10)] == [
        0, 0, 0, 2, 4, 8, 16, 30, 30, 30,
    ]


def test_after_three_failures_the_next_try_must_wait(
    store_dir: Path, throttle_clock: Clock
) -> None:
    _fail(store_dir, times=3)
    # Even the right passphrase is refused until the wait is over: no guess is tried.
    with pytest.raises(SignInThrottled) as info:
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    assert info.value.message == (
        "Te veel mislukte pogingen; probeer het over 2 seconden opnieuw."
    )
    assert info.value.exit_code == 3
    assert info.value.seconds == 2
    throttle_clock.now += 1
    with pytest.raises(SignInThrottled) as info:
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    assert info.value.seconds == 1
    assert info.value.message == "Te veel mislukte pogingen; probeer het over 1 seconde opnieuw."
    throttle_clock.now += 1
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    ctx.store.close()
    # A success clears the count: three more failures are free again.
    _fail(store_dir, times=3)


def test_each_further_failure_doubles_the_wait(store_dir: Path, throttle_clock: Clock) -> None:
    _fail(store_dir, times=3)
    waits = []
    for _ in range(5):
        throttle_clock.now += 60
        _fail(store_dir)
        with pytest.raises(SignInThrottled) as info:
            login(store_dir, ADMIN, WRONG)
        waits.append(info.value.seconds)
    assert waits == [4, 8, 16, 30, 30]


def test_the_wait_is_per_user_name(store_dir: Path, throttle_clock: Clock) -> None:
    _fail(store_dir, user="iemand.anders", times=3)
    with pytest.raises(SignInThrottled):
        login(store_dir, "Iemand.Anders ", WRONG)  # the same name, as typed differently
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    ctx.store.close()


def test_a_refusal_is_logged_as_login_throttled(store_dir: Path, throttle_clock: Clock) -> None:
    _fail(store_dir, times=3)
    with pytest.raises(SignInThrottled):
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    pending = (store_dir / PENDING_AUDIT_FILENAME).read_text(encoding="utf-8")
    assert pending.count('"action": "login_throttled"') == 1
    assert ADMIN_PASSPHRASE not in pending
    throttle_clock.now += 60
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    try:
        with ctx.unit() as session:
            actions = list(
                session.execute(
                    select(AuditEntry.action, AuditEntry.outcome).where(
                        AuditEntry.username == ADMIN
                    )
                ).tuples()
            )
    finally:
        ctx.store.close()
    assert actions.count(("login", "failed")) == 3
    assert ("login_throttled", "throttled") in actions


def test_passwd_is_throttled_like_a_sign_in(store_dir: Path, throttle_clock: Clock) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            setup.change_passphrase(store_dir, ADMIN, WRONG, "rivier lamp wolk nieuw")
    with pytest.raises(SignInThrottled):
        setup.change_passphrase(store_dir, ADMIN, ADMIN_PASSPHRASE, "rivier lamp wolk nieuw")


def test_the_cli_says_so_with_exit_3(store_dir: Path, throttle_clock: Clock) -> None:
    _fail(store_dir, times=3)
    throttle_clock.now += 60
    _fail(store_dir)
    err = io.StringIO()
    code = run(
        ["--store", str(store_dir), "--passphrase-stdin", "verify"],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == 3
    assert err.getvalue() == (
        "sociaalveilig-admin: Te veel mislukte pogingen; probeer het over 4 seconden opnieuw.\n"
    )


def test_failures_in_another_process_count_here(store_dir: Path, throttle_clock: Clock) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sociaalveilig.storage import signin_throttle\n"
        "from sociaalveilig.core.errors import AuthenticationError\n"
        "from sociaalveilig.services.setup import login\n"
        f"signin_throttle.clock = lambda: {START!r}\n"
        "for _ in range(3):\n"
        "    try:\n"
        "        login(Path(sys.argv[1]), sys.argv[2], sys.argv[3])\n"
        "    except AuthenticationError:\n"
        "        pass\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    subprocess.run(
        [sys.executable, "-c", script, str(store_dir), ADMIN, WRONG],
        env=env,
        check=True,
        timeout=120,
    )
    with pytest.raises(SignInThrottled):
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)


def test_the_attempts_file_holds_no_names(store_dir: Path, throttle_clock: Clock) -> None:
    _fail(store_dir, user="j.de.vries", times=2)
    text = (store_dir / signin_throttle.FILENAME).read_text(encoding="utf-8")
    assert "vries" not in text
    assert oct((store_dir / signin_throttle.FILENAME).stat().st_mode & 0o777) == "0o600"


def test_a_damaged_attempts_file_counts_as_none(store_dir: Path, throttle_clock: Clock) -> None:
    (store_dir / signin_throttle.FILENAME).write_text("{niet: json", encoding="utf-8")
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    ctx.store.close()


def test_recovery_codes_are_throttled_too(
    store_dir: Path, recovery_code: str, throttle_clock: Clock
) -> None:
    wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    for _ in range(3):
        with pytest.raises(AuthenticationError) as info:
            recover(store_dir, wrong, "rivier lamp wolk nieuw")
        assert not isinstance(info.value, SignInThrottled)
    with pytest.raises(SignInThrottled):
        recover(store_dir, recovery_code, "rivier lamp wolk nieuw")
    # Sign-in with a passphrase is a different name: not held up by the code's failures.
    login(store_dir, ADMIN, ADMIN_PASSPHRASE).store.close()
    throttle_clock.now += 2
    ctx, _code = recover(store_dir, recovery_code, "rivier lamp wolk nieuw")
    ctx.store.close()


def test_a_name_without_key_slot_leaves_no_hash_of_itself(
    store_dir: Path, throttle_clock: Clock
) -> None:
    """A passphrase typed into the name field is counted in the one bucket of unknown names,
    so not even its hash (which could be guessed offline) lands in the file; guessing names
    is still slowed down, as a group, and the real users are not."""
    typed = "Vakantie-in-Valkenburg-2019"
    _fail(store_dir, user=typed, times=2)
    _fail(store_dir, user="nog.iemand", times=1)
    text = (store_dir / signin_throttle.FILENAME).read_text(encoding="utf-8")
    assert signin_throttle._key(normalise_user_name(typed)) not in text
    assert signin_throttle._key(UNKNOWN_NAMES) in text
    with pytest.raises(SignInThrottled):
        login(store_dir, "weer.een.ander", WRONG)
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    ctx.store.close()
