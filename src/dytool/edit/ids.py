"""New record ids: branch-safe by default, plain serials when the campaign asks for them.

Serial numbers picked on two branches collide (P-013 twice).  A branch-safe id is the kind's
prefix, the day and four random characters from an alphabet without look-alikes
(``P-20230510-7K2Q``): two secretaries adding a problem on the same day pick the same id
with a chance of about one in 920,000.  The random source is a parameter, so tests and
reproducible runs pass a seeded :class:`random.Random`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Collection

__all__ = ["ALPHABET", "PREFIXES", "new_id", "random_id", "serial_id"]

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Digits and capitals without 0/O, 1/I/L: nothing a reader can mistake for another."""

PREFIXES = {"topic": "T", "visit": "V", "problem": "P", "solution": "S", "institution": "I"}

_RANDOM_LENGTH = 4
_MIN_WIDTH = 3


def random_id(prefix: str, day: dt.date, rng: random.Random, taken: Collection[str] = ()) -> str:
    """``P-20230510-7K2Q``: prefix, the day, four random characters; never one in ``taken``."""
    while True:
        tail = "".join(rng.choice(ALPHABET) for _ in range(_RANDOM_LENGTH))
        ident = f"{prefix}-{day:%Y%m%d}-{tail}"
        if ident not in taken:
            return ident


def serial_id(prefix: str, taken: Collection[str]) -> str:
    """The next free serial after the highest in use (``P-043`` → ``P-044``), same width."""
    pattern = re.compile(rf"{re.escape(prefix)}-(\d+)\Z")
    numbers = [m.group(1) for m in map(pattern.match, taken) if m]
    width = max([_MIN_WIDTH, *(len(n) for n in numbers)])
    number = max((int(n) for n in numbers), default=0) + 1
    while f"{prefix}-{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}-{number:0{width}d}"


def new_id(kind: str, style: str, day: dt.date, rng: random.Random, taken: Collection[str]) -> str:
    prefix = PREFIXES[kind]
    if style == "serial":
        return serial_id(prefix, taken)
    return random_id(prefix, day, rng, taken)
