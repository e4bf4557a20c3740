from __future__ import annotations

from dytool.cli.main import main

if __name__ == "__main__":
    main()
