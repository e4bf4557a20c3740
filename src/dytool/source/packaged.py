"""Files shipped with dytool: templates, schemas, the example campaign, and dytool's own code.

Installed, they live inside the package (``dytool/templates`` …); in a source checkout, at the
top of the repository.  Everything that looks for them asks here.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PACKAGE", "packaged"]

PACKAGE = Path(__file__).resolve().parents[1]
"""The ``dytool`` package folder."""

_CHECKOUT = PACKAGE.parents[1]


def packaged(*parts: str) -> Path | None:
    """A shipped file or folder (``packaged("templates")``), or None when it is missing."""
    for base in (PACKAGE, _CHECKOUT):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return None
