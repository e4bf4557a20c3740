"""dytool: keep a research campaign (大兴调查研究) as plain files, check it, brief on it, compile it.

The package root imports nothing heavy so that ``dytool --version`` stays instant.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
