"""``python3 -m dytool.bundle``: build the offline bundle (see :mod:`dytool.cli.bundle`)."""

from __future__ import annotations

from dytool.cli.bundle import main

if __name__ == "__main__":
    raise SystemExit(main())
