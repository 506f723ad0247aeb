"""The packaged program's entry point (tools/sociaalveilig.spec); the same as ``sociaalveilig``."""

import sys

from sociaalveilig.app import main

if __name__ == "__main__":
    sys.exit(main())
