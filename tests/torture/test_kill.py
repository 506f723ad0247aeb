"""SIGKILL a writer at random moments: no committed transaction lost, none half-applied.

Each round starts a writer process (tests/torture/writer.py: imports, signal and case
registrations through the real services) on the same store, kills it with SIGKILL at a
random moment (sometimes before it even finished opening the store, i.e. during the
recovery of the previous round's write-ahead log), and then opens the store the way the
program does and checks:

* every transaction the writer logged as committed is there, complete;
* no transaction is there in part (every signal of an import, or none; a new case never
  without its signal; no signal without its status history; the reference counter equal to
  the signals it numbered; one audit entry per transaction, in the same transaction);
* ``verify`` is clean: SQLite integrity, SQLCipher page HMACs, foreign keys, the audit
  hash chain.

At the end the beheerder unlocks with the real passphrase and runs ``sociaalveilig-admin
verify``, which must exit 0.
"""

from __future__ import annotations

import io
import multiprocessing
import re
import signal
import time
from collections import Counter as Tally
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from sociaalveilig import cli
from sociaalveilig.storage.models import AuditEntry, Case, Counter, Signal, StatusChange
from sociaalveilig.storage.sqlite.backup import check_store
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.torture.conftest import KILLS, SEED, OpenedStore, TortureReport
from tests.torture.writer import DESCRIPTION_RE, writer_main

LOG_LINE = re.compile(r"(begin|commit) (t\d+x\d+) (import|signal|case) (\d+)")


@dataclass
class Ledger:
    """What the writers said they committed, across all rounds."""

    committed: dict[str, tuple[str, int]] = field(default_factory=dict)
    begun: dict[str, tuple[str, int]] = field(default_factory=dict)
    kills: int = 0
    killed_in_flight: int = 0
    killed_starting: int = 0

    def read(self, log: Path) -> bool:
        """Take in one round's log; True when the writer was inside a transaction."""
        last = None
        for line in log.read_text(encoding="utf-8").splitlines():
            match = LOG_LINE.fullmatch(line)
            if match is None:
                continue
            kind, txid, what, n = match.group(1), match.group(2), match.group(3), int(match[4])
            (self.begun if kind == "begin" else self.committed)[txid] = (what, n)
            last = kind
        return last == "begin"


def check_after_kill(opened: OpenedStore, ledger: Ledger) -> int:
    """Open the store as the program would and check it; returns the signals checked."""
    store = opened.open()  # the first connection recovers the write-ahead log
    try:
        report = check_store(store)
        assert report.ok, f"verify after kill {ledger.kills}: {report.lines}"
        with store.unit() as session:
            rows = session.execute(
                select(Signal.id, Signal.reference, Signal.description, Signal.case_id)
            ).all()
            present: dict[str, set[int]] = {}
            sizes: dict[str, int] = {}
            refs: dict[str, list[str]] = {}
            for _id, ref, description, _case in rows:
                match = DESCRIPTION_RE.fullmatch(description)
                assert match, f"unexpected signal {ref}"
                txid, k, n = match.group(1), int(match.group(2)), int(match.group(3))
                present.setdefault(txid, set()).add(k)
                sizes[txid] = n
                refs.setdefault(txid, []).append(ref)
            # Nothing half-applied: each transaction in the store is complete.
            for txid, ks in present.items():
                assert ks == set(range(1, sizes[txid] + 1)), f"{txid} is partial: {len(ks)}"
                assert txid in ledger.begun, f"{txid} in the store but never begun"
            # Nothing committed lost.
            for txid, (_kind, n) in ledger.committed.items():
                assert txid in present, f"committed {txid} is missing after kill {ledger.kills}"
                assert len(present[txid]) == n
            # Dependent rows of the same transactions.
            orphan_cases = session.execute(
                select(func.count()).select_from(Case).where(
                    ~Case.id.in_(select(Signal.case_id).where(Signal.case_id.is_not(None)))
                )
            ).scalar_one()
            assert orphan_cases == 0, "a case without its signal"
            without_history = session.execute(
                select(func.count()).select_from(Signal).where(
                    ~Signal.id.in_(
                        select(StatusChange.object_id).where(StatusChange.object_type == "signal")
                    )
                )
            ).scalar_one()
            assert without_history == 0, "a signal without its status history"
            numbers = Tally(ref.rsplit("-", 1)[0] for _i, ref, _d, _c in rows)
            counters = dict(
                session.execute(select(Counter.name, Counter.value).where(
                    Counter.name.like("S-%"))).tuples().all()
            )
            for prefix, count in numbers.items():
                assert counters.get(prefix) == count, f"counter {prefix} != {count} signals"
            # One audit entry per transaction, written in it.
            # Signal entries by object type "signal"; an import's by its span of references
            # (its object type has been "signal" and is now "signal_list": either counts).
            audit_rows = session.execute(
                select(AuditEntry.action, AuditEntry.object_type, AuditEntry.object_id).where(
                    AuditEntry.action.in_(("create", "import")), AuditEntry.outcome == "ok"
                )
            ).all()
            audited_imports = {
                oid for action, otype, oid in audit_rows
                if action == "import" and otype in ("signal", "signal_list")
            }
            audited_creates = {
                oid for action, otype, oid in audit_rows
                if action == "create" and otype == "signal"
            }
            for txid, tx_refs in refs.items():
                kind = ledger.begun[txid][0]
                if kind == "import":
                    assert f"{min(tx_refs)}..{max(tx_refs)}" in audited_imports, txid
                else:
                    assert tx_refs[0] in audited_creates, txid
            assert len(audited_imports) == sum(
                1 for t in present if ledger.begun[t][0] == "import")
            assert len(audited_creates) == sum(
                1 for t in present if ledger.begun[t][0] != "import")
        return len(rows)
    finally:
        store.close()


def test_sigkill_loses_no_committed_transaction(
    opened_store: OpenedStore, rng, tmp_path: Path, torture_report: TortureReport  # type: ignore[no-untyped-def]
) -> None:
    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(["tests.torture.writer"])
    ledger = Ledger()
    actor = opened_store.coordinator
    actor_args = (actor.user_id, actor.username, actor.display_name, actor.role.value)
    signals_checked = 0
    started = time.monotonic()
    for round_no in range(1, KILLS + 1):
        log = tmp_path / f"writer-{round_no}.log"
        receiver, sender = mp.Pipe(duplex=False)
        proc = mp.Process(
            target=writer_main,
            args=(str(opened_store.folder), opened_store.key, actor_args, round_no,
                  rng.randrange(1 << 30), str(log), sender),
            daemon=True,
        )
        proc.start()
        sender.close()
        if rng.random() < 0.15:
            # Kill during start-up: while the store is opened and last round's WAL recovered.
            time.sleep(rng.uniform(0.0, 0.03))
        else:
            # Let the writer get going (0-3 commits, however slow the machine is), then
            # kill at a random moment (not a timing assertion: any moment must do).
            for _ in range(1 + rng.randint(0, 3)):
                assert receiver.poll(120), "the writer stopped making progress"
                receiver.recv()
            time.sleep(rng.uniform(0.0, 0.3))
        proc.kill()
        proc.join(60)
        receiver.close()
        log_text = log.read_text(encoding="utf-8") if log.exists() else ""
        assert proc.exitcode == -signal.SIGKILL, (
            f"the writer ended by itself (exit {proc.exitcode}) in round {round_no}:\n"
            + log_text[-2000:]
        )
        ledger.kills += 1
        if "ready" not in log_text:
            ledger.killed_starting += 1
        if log.exists() and ledger.read(log):
            ledger.killed_in_flight += 1
        signals_checked = check_after_kill(opened_store, ledger)
    # The real program path at the end: unlock with the passphrase, verify, exit code 0.
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--store", str(opened_store.folder), "--user", ADMIN, "--passphrase-stdin", "verify"],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"), stdout=out, stderr=err,
    )
    assert code == 0, err.getvalue()
    assert ledger.committed, "no transaction was ever committed: the kills came too early"
    kinds = Tally(kind for kind, _n in ledger.committed.values())
    torture_report.add(
        f"kill: {ledger.kills} SIGKILLs (seed {SEED}), {ledger.killed_in_flight} inside a "
        f"transaction, {ledger.killed_starting} during start-up/recovery; "
        f"{len(ledger.committed)} committed transactions checked after every kill "
        f"({kinds['import']} imports, {kinds['signal']} signals, {kinds['case']} cases), "
        f"{signals_checked} signals in the end, verify clean every time, "
        f"'sociaalveilig-admin verify' exit 0; {time.monotonic() - started:.0f} s"
    )
