"""The `shudarga` command line (work in progress)."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("shudarga: not yet", file=sys.stderr)
    return 2
