"""The writer that test_kill.py kills: real services writing transactions, forever.

It runs in a child process (started through a multiprocessing fork server, so each kill
round does not pay for importing the program again) and writes a log line-by-line with
unbuffered writes: ``begin TXID KIND N`` before a transaction and ``commit TXID KIND N``
after the service returned, i.e. after COMMIT. A SIGKILL loses nothing that ``write`` has
handed to the kernel, so every ``commit`` line names a transaction that must be in the store.

Three kinds of transaction, each one unit of work of the real services:

* ``import``: ``imports.import_signals`` of a CSV with N rows (5..80), all-or-nothing;
* ``signal``: ``signals.register_signal`` without a case;
* ``case``: ``signals.register_signal`` with a new case (case, signal, history and audit
  entry in one transaction).

Every signal's description carries its transaction id and its row number:
``Torture TXID rij K van N``, so the checker can see a partial transaction.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sociaalveilig.core.enums import Role
from sociaalveilig.services import imports, signal_intake, signals
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.storage.keyslots import KeySlotFile
from sociaalveilig.storage.sqlite.store import Store, keyslot_path
from tests.conftest import TEST_NOW

DESCRIPTION = "Torture {txid} rij {k} van {n}"
DESCRIPTION_RE = re.compile(r"Torture (t\d+x\d+) rij (\d+) van (\d+)")
SOURCES = ("politie", "gemeente", "woningcorporatie", "bewoner", "zorg")
CATEGORIES = ("WO-OVL", "WO-VER", "OP-JEUGD", "ZV-ZORG", "VE-CRIM", "OM-HENNEP")
HEADER = "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;plaats;" \
         "omschrijving;urgentie;melder"


def import_csv(txid: str, n: int, rng: random.Random) -> bytes:
    lines = [HEADER]
    for k in range(1, n + 1):
        day = TEST_NOW.date() - timedelta(days=rng.randint(1, 300))
        pc4 = rng.choice((6411, 6415, 6431, 6443, 6462, 6371, 6351))
        lines.append(";".join((
            day.strftime("%d-%m-%Y"), rng.choice(SOURCES), "", rng.choice(CATEGORIES),
            f"{pc4}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPR')}", str(rng.randint(1, 200)),
            "", "Torturestraat", "Heerlen", DESCRIPTION.format(txid=txid, k=k, n=n),
            rng.choice(("laag", "normaal", "hoog")), "",
        )))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def signal_input(txid: str, rng: random.Random) -> signal_intake.SignalInput:
    return signal_intake.SignalInput(
        received_at=TEST_NOW - timedelta(hours=rng.randint(1, 2000)),
        source=rng.choice(SOURCES),
        category=rng.choice(CATEGORIES),
        postcode=f"64{rng.randint(11, 22)} {rng.choice('ABCDEFGH')}{rng.choice('KLMNPR')}",
        house_number=rng.randint(1, 200),
        description=DESCRIPTION.format(txid=txid, k=1, n=1),
        urgency=rng.choice(("laag", "normaal", "hoog")),
    )


def writer_main(folder: str, key: bytes, actor: Sequence[Any], round_no: int, seed: int,
                log_path: str, ready: Any) -> None:
    """Write transactions until killed (or, as a safety net, after 10,000 of them).

    ``ready`` (a pipe) hears "ready" once the store is open, then each committed txid, so
    the killer can pick its moment relative to the writer's progress on a slow machine."""
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def log(text: str) -> None:
        os.write(log_fd, (text + "\n").encode())

    path = Path(folder)
    store = Store(path, KeySlotFile.load(keyslot_path(path)), bytearray(key))
    user_id, username, display_name, role = actor
    ctx = ServiceContext(store, Actor(user_id, username, display_name, Role(role)),
                         FixedClock(TEST_NOW))
    rng = random.Random(seed)
    log("ready")
    ready.send("ready")
    for seq in range(1, 10_001):
        txid = f"t{round_no}x{seq}"
        roll = rng.random()
        if roll < 0.4:
            n = rng.randint(5, 80)
            data = import_csv(txid, n, rng)
            log(f"begin {txid} import {n}")
            outcome = imports.import_signals(ctx, data, skip_invalid=False)
            assert outcome.imported == n, outcome.error_lines[:3]
            log(f"commit {txid} import {n}")
            ready.send(txid)
        elif roll < 0.8:
            log(f"begin {txid} signal 1")
            signals.register_signal(ctx, signal_input(txid, rng), signal_intake.NO_CASE)
            log(f"commit {txid} signal 1")
            ready.send(txid)
        else:
            log(f"begin {txid} case 1")
            signals.register_signal(ctx, signal_input(txid, rng), signal_intake.NEW_CASE)
            log(f"commit {txid} case 1")
            ready.send(txid)
    store.close()
