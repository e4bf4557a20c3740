"""The record models: pydantic v2, strict, closed, frozen, labelled in Chinese."""

from __future__ import annotations

from dytool.models.base import LabeledEnum, Record, Ref, RepoPath, StrictModel, field_plan
from dytool.models.campaign import Campaign
from dytool.models.records import (
    Institution,
    Person,
    Problem,
    ReportMeta,
    Solution,
    Topic,
    Unit,
    Visit,
)
from dytool.models.when import When

__all__ = [
    "KINDS", "Campaign", "Institution", "LabeledEnum", "Person", "Problem", "Record", "Ref",
    "RepoPath", "ReportMeta", "Solution", "StrictModel", "Topic", "Unit", "Visit", "When",
    "field_plan",
]

KINDS: dict[str, type[Record]] = {
    "person": Person,
    "unit": Unit,
    "topic": Topic,
    "visit": Visit,
    "problem": Problem,
    "solution": Solution,
    "institution": Institution,
}
"""Record kinds kept as lists, by kind name."""
