"""The packaged ``sociaalveilig-admin`` (tools/sociaalveilig.spec); the same as the script."""

from sociaalveilig.cli import main

if __name__ == "__main__":
    main()
