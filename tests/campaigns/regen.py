"""Rewrite the golden briefings and compilations of the seed campaigns, showing the diff.

    python tests/campaigns/regen.py

Review every changed figure against the campaign's EXPECTED.md before committing.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seedkit import GOLDEN, golden_files


def main() -> int:
    changed = 0
    with tempfile.TemporaryDirectory(prefix="dytool-seeds-") as work:
        for path, text in golden_files(Path(work)).items():
            old = path.read_text(encoding="utf-8") if path.is_file() else ""
            if old == text:
                continue
            changed += 1
            name = str(path.relative_to(GOLDEN.parent.parent.parent))
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), f"a/{name}", f"b/{name}"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    print(f"{changed} golden file(s) rewritten" if changed else "golden files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
