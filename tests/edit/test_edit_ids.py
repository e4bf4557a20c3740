"""New ids: branch-safe by default, serials on request."""

from __future__ import annotations

import datetime as dt
import random
import re

from dytool.edit.ids import ALPHABET, new_id, random_id, serial_id

DAY = dt.date(2023, 5, 10)


def test_random_ids_have_prefix_day_and_four_unambiguous_characters() -> None:
    ident = new_id("problem", "random", DAY, random.Random(1), set())
    assert re.fullmatch(rf"P-20230510-[{ALPHABET}]{{4}}", ident)
    assert not set("01OIL") & set(ALPHABET)


def test_random_ids_are_reproducible_with_a_seed_and_avoid_taken_ones() -> None:
    first = random_id("V", DAY, random.Random(7))
    assert random_id("V", DAY, random.Random(7)) == first
    assert random_id("V", DAY, random.Random(7), taken={first}) != first


def test_serials_continue_after_the_highest_with_the_same_width() -> None:
    assert serial_id("P", {"P-001", "P-043", "P-7", "X-100"}) == "P-044"
    assert serial_id("P", set()) == "P-001"
    assert serial_id("P", {"P-0999"}) == "P-1000"
    assert new_id("topic", "serial", DAY, random.Random(), {"T-015"}) == "T-016"
