"""Personal data in free text: resident ID numbers and mainland mobile numbers.

Ledgers get shared and printed; an ID number typed into a summary leaks.  Numbers under a
``contact`` field are where they belong and are left alone.  Messages never repeat the number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding

if TYPE_CHECKING:
    from dytool.source.locate import Locator

__all__ = ["id_check_digit_ok", "scan_personal"]

_ID = re.compile(
    r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")
_CANDIDATE = re.compile(r"[0-9][0-9 \-]{9,}[0-9Xx]")
"""Runs of digits long enough to hold either number: one cheap scan over the text first."""
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_check_digit_ok(number: str) -> bool:
    """ISO 7064 MOD 11-2, as GB 11643 prescribes for the 18th character."""
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17].upper()


def _mask(text: str) -> str:
    digits = text.replace("-", "").replace(" ", "")
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


_MESSAGES = {"personal-id": words.PERSONAL_ID, "personal-phone": words.PERSONAL_PHONE}


def scan_personal(text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
    hits: list[tuple[int, str, str]] = []
    for run in _CANDIDATE.finditer(text):
        chunk = run.group()
        for pattern, code in ((_ID, "personal-id"), (_MOBILE, "personal-phone")):
            hits.extend((run.start() + m.start(), m.group(), code) for m in pattern.finditer(chunk))
    found: list[Finding] = []
    line, line_start, seen = 1 + line_offset, 0, 0  # counted on from the previous hit: thousands of numbers stay linear
    for start, number, code in sorted(hits):
        newlines = text.count("\n", seen, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", seen, start) + 1
        seen = start
        if code == "personal-id" and not id_check_digit_ok(number):
            continue
        column = start - line_start + 1
        if locator is not None and "contact" in locator.path_at(file, line, column):
            continue
        found.append(CODES[code].at(Pos(file, line, column), _MESSAGES[code](number=_mask(number)), hint=words.PERSONAL_HINT))
    return found
