"""Starting the window does not load the PDF layout (reportlab, about 0.17 s): the layout
modules are imported on the first print (tests/reports/test_api.py prints through
the same functions)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import sociaalveilig.app
import sociaalveilig.ui.main_window
import sociaalveilig.ui.case_view
import sociaalveilig.ui.pages as pages
for module in pkgutil.iter_modules(pages.__path__):
    importlib.import_module("sociaalveilig.ui.pages." + module.name)
print(sorted(m for m in sys.modules if m.split(".")[0] == "reportlab"
             or m.startswith("sociaalveilig.reports.")))
"""


def test_the_window_modules_do_not_import_reportlab() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == "['sociaalveilig.reports.api']"

