"""Where ``bench/load.py`` writes its figures: the run with the users' pause gives the
target figures, the run without a pause (saturation) its own under other names, and
neither drops the other's or any other benchmark's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import load, run
from bench.load import RunSpec


def _summary(list_p95: float, save_p95: float, per_s: float) -> dict[str, Any]:
    return {"list_first_page_p95_ms": list_p95, "save_p95_ms": save_p95,
            "calls_per_s": per_s, "kinds": {"list_cases": {"calls": 3, "p50_ms": 1.0,
                                                           "p95_ms": list_p95}},
            "work": "/tmp/x"}


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"machine": {"cpu": "x"}, "figures": {
        "list_first_page_ms": {"value": 12.0, "unit": "ms", "target": 100},
        "load_calls_per_s": {"value": 1.0, "unit": "1/s", "target": 0, "met": True}}}))
    monkeypatch.setattr(load, "RESULTS", path)
    monkeypatch.setattr(run, "machine", lambda: {"cpu": "x"})
    return path


def test_the_saturation_run_has_figures_of_its_own_and_keeps_the_targets(
    results: Path,
) -> None:
    load.write_results(_summary(120.0, 150.0, 9.0), RunSpec(think_s=load.THINK_S))
    load.write_results(_summary(2300.0, 1600.0, 22.0), RunSpec(think_s=0.0))

    written = json.loads(results.read_text())
    figures = written["figures"]
    assert figures["load_list_first_page_p95_ms"]["value"] == 120.0
    assert figures["load_list_first_page_p95_ms"]["met"] is True
    assert figures["load_save_p95_ms"]["value"] == 150.0
    assert figures["load_calls_per_s"]["value"] == 9.0
    assert figures["load_saturation_list_first_page_p95_ms"]["value"] == 2300.0
    assert figures["load_saturation_save_p95_ms"]["value"] == 1600.0
    assert figures["load_saturation_calls_per_s"]["value"] == 22.0
    assert figures["list_first_page_ms"]["value"] == 12.0  # another benchmark's, kept
    # (each run's machine facts, with its parameters inside, as ``load_run`` had them)
    assert written["machine"]["load_run"]["load_run"]["think_s"] == load.THINK_S
    assert written["machine"]["load_saturation_run"]["load_saturation_run"]["think_s"] == 0.0

    # The next run with the pause replaces its own figures, not the saturation's.
    load.write_results(_summary(400.0, 200.0, 8.0), RunSpec(think_s=load.THINK_S))
    figures = json.loads(results.read_text())["figures"]
    assert figures["load_list_first_page_p95_ms"]["met"] is False
    assert figures["load_saturation_calls_per_s"]["value"] == 22.0

