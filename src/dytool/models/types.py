"""Field types shared by the record models: references, free text, paths.

A list of references also takes a single item (``leaders: lin-haifeng``), as people write it.
"""

from __future__ import annotations

from typing import Annotated

from dytool.models.base import Ref, RepoPath, one_or_many

__all__ = [
    "ActivityRef", "Lines", "OwnerOrName", "OwnerRef", "PathText", "PersonOrName", "PersonOrNames", "PersonRef",
    "PersonRefs", "ProblemRef", "ProblemRefs", "Texts", "ThemeRef", "TopicRef", "TopicRefs",
    "UnitOrText", "UnitOrTexts", "UnitRef", "UnitRefs", "VisitRef", "VisitRefs",
]

PersonRef = Annotated[str, Ref(("person",))]
PersonOrName = Annotated[str, Ref(("person",), text_ok=True)]
UnitRef = Annotated[str, Ref(("unit",))]
UnitOrText = Annotated[str, Ref(("unit",), text_ok=True)]
OwnerRef = Annotated[str, Ref(("unit", "person"))]
OwnerOrName = Annotated[str, Ref(("unit", "person"), text_ok=True)]
TopicRef = Annotated[str, Ref(("topic",))]
VisitRef = Annotated[str, Ref(("visit",))]
ProblemRef = Annotated[str, Ref(("problem",))]
ThemeRef = Annotated[str, Ref(("theme",))]
ActivityRef = Annotated[str, Ref(("activity",))]
PathText = Annotated[str, RepoPath()]

PersonRefs = Annotated[list[PersonRef], one_or_many]
PersonOrNames = Annotated[list[PersonOrName], one_or_many]
UnitRefs = Annotated[list[UnitRef], one_or_many]
UnitOrTexts = Annotated[list[UnitOrText], one_or_many]
TopicRefs = Annotated[list[TopicRef], one_or_many]
VisitRefs = Annotated[list[VisitRef], one_or_many]
ProblemRefs = Annotated[list[ProblemRef], one_or_many]
Texts = Annotated[list[str], one_or_many]

Lines = str | list[str]
"""Free text: one string, or a list of paragraphs or points."""
