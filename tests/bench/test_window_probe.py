"""The window probe's peak memory is the probe's own, not its parent's."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from bench.window_probe import peak_rss_kib

CHILD = (
    "import json, resource; from bench.window_probe import peak_rss_kib; "
    "print(json.dumps([peak_rss_kib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))"
)


def test_a_probe_started_by_a_large_parent_reports_its_own_peak() -> None:
    # The parent holds 300 MiB (touched, so resident) while it starts the probe, as the
    # benchmark does after generating the region.
    ballast = bytearray(300 * 1024 * 1024)
    for offset in range(0, len(ballast), 4096):
        ballast[offset] = 1
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    del ballast
    own_kib, inherited_kib = json.loads(done.stdout)
    # ru_maxrss carries the parent's size over exec; that is the figure this replaced.
    assert inherited_kib >= 300 * 1024
    assert own_kib < 200 * 1024


def test_the_high_water_mark_is_read_from_the_status_file(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmPeak:\t  900000 kB\nVmHWM:\t  242000 kB\n")
    assert peak_rss_kib(status) == 242000
    missing = tmp_path / "none"
    assert peak_rss_kib(missing) == resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
