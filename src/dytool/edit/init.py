"""``init``: a new campaign repository, from answers or from the bundled example.

Writes campaign.yaml (from :class:`Answers`), empty people.yaml and units.yaml, the record
folders, the JSON Schemas under ``schemas/`` with the editor's schema line at the top of each
file, ``.gitignore`` (which ignores ``.dytool/``), a GitHub Actions workflow and a
``.gitlab-ci.yml`` that run ``dytool check``, a pre-commit config, ``.editorconfig``, VS Code
settings and ``vendor/dytool/`` (dytool's wheel, from which CI and the hooks install it).  Nothing existing is ever overwritten: if any of those files exists, nothing is
written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dytool import __version__
from dytool.core.catalogue import edits as words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.edit.scaffold import support_files
from dytool.edit.vendoring import Install
from dytool.edit.yamlio import dump
from dytool.models.base import ID_PATTERN
from dytool.models.enums import IdStyle, Level
from dytool.source.atomic import repository_path, write_atomic
from dytool.source.packaged import packaged

__all__ = ["Answers", "RollupAnswers", "example_source", "scaffold", "scaffold_example", "scaffold_rollup"]

_SCHEMA_LINE = re.compile(r"^(# yaml-language-server: \$schema=)(?:\.\./)*schemas/", re.MULTILINE)

_GUIDE = """
# ===== 以下按实施方案补充（删去行首的 # 即生效）/ fill in from the plan, then uncomment =====
# themes:                      # 调研主题
#   - id: industry
#     title: 工业强市与园区建设
# stages:                      # 阶段安排
#   - id: mobilize
#     title: 动员部署
#     start: {start}
#     end: {start}
# milestones:                  # 时间节点；requires 可由记录自动判断是否完成
#   - id: leader-topics
#     title: 领导干部带头选定调研课题
#     due: {start}
#     requires: leader_topics
# rules:                       # 量化要求
#   leader_topics: {{min: 1, max: 2, roles: [city_leader]}}
#   visit_days_per_month: {{min: 5, roles: [city_leader]}}
"""


@dataclass(frozen=True)
class Answers:
    id: str
    title: str
    start: dt.date
    end: dt.date
    issuer: str | None = None
    doc_number: str | None = None
    level: str | None = None
    id_style: str = "random"

    def validate(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise UserError(words.BAD_CAMPAIGN_ID(id=self.id))
        if not self.title.strip():
            raise UserError(words.EMPTY_TITLE)
        if self.end < self.start:
            raise UserError(words.END_BEFORE_START(end=str(self.end), start=str(self.start)))
        for value, enum, flag in ((self.level, Level, "--level"), (self.id_style, IdStyle, "--id-style")):
            if value is not None:
                try:
                    enum.coerce(value)
                except Exception:  # noqa: BLE001 - the choices are in the message
                    choices = "|".join(m.value for m in enum)
                    raise UserError(usage.CHOICES(option=flag, choices=choices), exit_code=EXIT_USAGE) from None


def campaign_text(answers: Answers) -> str:
    data: dict[str, object] = {"id": answers.id, "title": answers.title}
    for key, value in (("issuer", answers.issuer), ("doc_number", answers.doc_number)):
        if value:
            data[key] = value
    if answers.level:
        data["level"] = Level.coerce(answers.level).value
    data["period"] = {"start": answers.start, "end": answers.end}
    data["id_style"] = IdStyle.coerce(answers.id_style).value
    from dytool.edit.yamlio import to_node

    head = f"# yaml-language-server: $schema=schemas/campaign.schema.json\n# {answers.title} —— 活动总体安排\n\n"
    return head + dump(to_node(data)) + _GUIDE.format(start=answers.start.isoformat())


def _list_file(schema: str, title: str) -> str:
    return f"# yaml-language-server: $schema=schemas/{schema}.schema.json\n# {title}\n[]\n"


def _schema_files() -> dict[str, str]:
    from dytool.models.schemas import build_schemas, render_schema

    return {f"schemas/{name}": render_schema(schema) for name, schema in build_schemas().items()}


def _write_new(dest: Path, files: dict[str, str | bytes]) -> list[str]:
    existing = sorted(rel for rel in files if (dest / rel).exists())
    if existing:
        raise UserError(words.FILES_EXIST(path=str(dest), files=existing[:8]), exit_code=EXIT_FINDINGS)
    for rel in files:
        repository_path(dest, rel)  # a linked folder (.github → elsewhere) must not redirect the scaffold
    for rel, content in files.items():
        write_atomic(dest / rel, content if isinstance(content, bytes) else content.encode("utf-8"))
    return sorted(files)


def _refuse_existing(dest: Path) -> None:
    if (dest / "campaign.yaml").exists():
        raise UserError(words.ALREADY_CAMPAIGN(path=str(dest)), exit_code=EXIT_FINDINGS)


def scaffold(dest: Path, answers: Answers, install: Install | None = None) -> list[str]:
    """Create a new campaign repository in ``dest``; the repository-relative files written.
    ``install`` says where its CI and hooks get dytool (see :mod:`dytool.edit.vendoring`)."""
    answers.validate()
    _refuse_existing(dest)
    files: dict[str, str | bytes] = {
        "campaign.yaml": campaign_text(answers),
        "people.yaml": _list_file("people", "人员：领导和工作人员（用 dytool new person 添加）"),
        "units.yaml": _list_file("units", "单位：部门、县（市、区）、乡镇、村、企业（用 dytool new unit 添加）"),
        **_schema_files(),
        **support_files(answers.title, install or Install(__version__)),
    }
    return _write_new(dest, files)


def example_source() -> Path:
    """The bundled example campaign: inside the installed package, or in the source tree."""
    found = packaged("examples", "campaign-2023")
    if found is not None and (found / "campaign.yaml").is_file():
        return found
    raise UserError(words.NO_EXAMPLE, exit_code=EXIT_USAGE)


def scaffold_example(dest: Path, install: Install | None = None) -> list[str]:
    """Copy the example campaign into ``dest`` with CI, editor settings and schemas added."""
    _refuse_existing(dest)
    source = example_source()
    files: dict[str, str | bytes] = {}
    for path in sorted(source.rglob("*")):
        rel = PurePosixPath(path.relative_to(source).as_posix())
        if path.is_file() and not path.is_symlink() and not any(part.startswith((".", "_")) for part in rel.parts):
            text = path.read_text(encoding="utf-8")  # the example is text only (its .dytool/ cache is left behind)
            files[rel.as_posix()] = _SCHEMA_LINE.sub(rf"\g<1>{'../' * (len(rel.parts) - 1)}schemas/", text)
    files |= _schema_files() | support_files("青川市2023年大兴调查研究活动（示例）", install or Install(__version__))
    return _write_new(dest, files)


@dataclass(frozen=True)
class RollupAnswers:
    id: str
    title: str
    issuer: str | None = None
    level: str | None = None


def scaffold_rollup(dest: Path, answers: RollupAnswers, install: Install | None = None) -> list[str]:
    """Create a roll-up repository (rollup.yaml, schemas, CI) in ``dest``; the files written."""
    from dytool.edit.scaffold_rollup import rollup_files

    Answers(answers.id, answers.title, dt.date.min, dt.date.min, level=answers.level).validate()
    if (dest / "rollup.yaml").exists():
        raise UserError(words.ALREADY_ROLLUP(path=str(dest)), exit_code=EXIT_FINDINGS)
    files = rollup_files(answers.id, answers.title, answers.issuer, Level.coerce(answers.level).value if answers.level else None,
                         install or Install(__version__))
    for name in ("rollup.schema.json", "publish.schema.json"):
        shipped = packaged("schemas", name)
        if shipped is None:
            raise UserError(words.MISSING_SCHEMA(name=name), exit_code=EXIT_USAGE)
        files[f"schemas/{name}"] = shipped.read_text(encoding="utf-8")
    return _write_new(dest, files)

