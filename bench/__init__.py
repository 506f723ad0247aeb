"""The benchmark: a generated region of ten years of work, measured (``make bench``).

Not part of the test run. See ``bench/README.md``.
"""
