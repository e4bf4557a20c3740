"""How a repository is loaded, as the caller decides it: a module of its own, so that what
only needs to say how (the command line's settings, the API's signatures, the replay of an
unchanged check) imports nothing of the loader, the models or pydantic."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

__all__ = ["LoadOptions"]


@dataclass(frozen=True)
class LoadOptions:
    """How to load, decided by the caller (the command line reads the environment, not this)."""

    cache: bool = True
    jobs: int = 1
    """Worker processes for what the cache does not hold."""
    key_folder: FsPath | None = None
    """The folder of the cache's signing key (the user's cache folder, never the repository);
    without one there is no cache."""
    start_method: str = "fork"
    """How worker processes start: ``fork`` where it exists, ``spawn`` elsewhere (Windows)."""

    @property
    def cached(self) -> bool:
        return self.cache and self.key_folder is not None
