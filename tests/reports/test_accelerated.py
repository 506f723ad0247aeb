"""The PDFs are rendered with ReportLab's C accelerators (the ``rl_accel`` dependency), not
its pure-Python fallbacks: an install without them is twice as slow on a large case."""

from __future__ import annotations

from reportlab.lib import rl_accel


def test_reportlab_uses_its_c_accelerators() -> None:
    for name in ("instanceStringWidthT1", "unicode2T1", "fp_str", "asciiBase85Encode"):
        function = getattr(rl_accel, name)
        # The fallbacks are Python functions named _py_...; the accelerators are built-ins.
        assert type(function).__name__ == "builtin_function_or_method", name
