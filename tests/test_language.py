"""Each language stays itself: Chinese output holds no stray English (from libraries, the OS,
git or the parser), and English output no full-width punctuation.

What a record says is shown as written, so the words of the repository's own files are
allowed in Chinese output (ids, field names, units' ids, a title in English), and the
English checks run on a repository written in English, where any full-width mark or Chinese
character would be dytool's own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import EXAMPLE

ALLOWED = {
    # names of things that have no Chinese name of their own
    "dytool", "YAML", "JSON", "UTF", "git", "LibreOffice", "Word", "WPS", "Excel", "CSV", "KiB", "MiB", "CI", "NUL", "JavaScript", "Schema",
    "RRULE", "FREQ", "MONTHLY", "BYMONTHDAY", "python", "uno", "Debian", "Ubuntu", "Windows", "apt", "get", "libreoffice", "writer",
    # format names and command names
    "text", "md", "json", "docx", "pdf", "xlsx", "csv", "github", "gitlab", "junit", "all", "zh", "en", "check", "status", "diff", "new",
    "init", "close", "fmt", "export", "import", "compile", "bulletin", "rollup", "publish", "site", "schema", "doctor", "help",
    "person", "unit", "topic", "visit", "problem", "solution", "institution", "Tab",
}


def field_names() -> set[str]:
    """The fields of every record kind (messages name the field a user has to write)."""
    from dytool.models import KINDS, Campaign
    from dytool.models.campaign import Milestone, Recurring, Submission

    names: set[str] = set()
    for model in (*KINDS.values(), Campaign, Milestone, Recurring, Submission):
        names |= set(model.model_fields)
    return {part for name in names for part in (name, *name.split("_"))}


ALLOWED |= field_names()
FULL_WIDTH = re.compile("[，。：；（）“”、！？【】《》]")
CJK = re.compile("[\u3400-\u9fff]")


def repository_words(root: Path) -> set[str]:
    """Every ASCII word the repository's own files hold (ids, keys, values)."""
    words: set[str] = set()
    for path in root.rglob("*"):
        if path.is_file() and ".dytool" not in path.parts and ".git" not in path.parts:
            words |= set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", path.read_text(encoding="utf-8", errors="replace")))
    return words


def stray_english(text: str, allowed: set[str]) -> list[str]:
    """ASCII words in ``text`` that are neither allowed nor the repository's own; paths, file
    names, options, codes, ids and dates are not words."""
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths
    text = re.sub(r"[\w.-]+\.(?:yaml|yml|md|json|docx|pdf|xlsx|csv|txt|svg)\b", " ", text)
    text = re.sub(r"(?<!\w)--?[A-Za-z][\w-]*", " ", text)  # options
    text = re.sub(r"\bDY\d{3}\b|\bU\+[0-9A-F]{4}\b|\w+(?:-\w+)+", " ", text)  # codes, characters, ids and keys with hyphens
    words = re.findall(r"[A-Za-z][A-Za-z_]+", text)
    return sorted({w for w in words if w not in allowed and w not in ALLOWED})


def output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


ENGLISH_CAMPAIGN = {
    "campaign.yaml": """\
id: ascii-2023
title: Research Campaign 2023
issuer: City Office
period: {start: 2023-04-01, end: 2023-12-31}
due_soon_days: 15
stages:
  - {id: s1, title: Research, start: 2023-05-01, end: 2023-10-31}
  - {id: s2, title: Summary, start: 2023-11-01, end: 2023-12-31}
milestones:
  - {id: m-over, title: Overdue milestone, due: 2023-08-31, owner: fgw}
  - {id: m-soon, title: Action plan, due: 2023-09-30}
  - {id: m-done, title: Done milestone, due: 2023-06-10, done_on: 2023-06-08}
  - {id: m-late, title: Outlines, due: 2023-04-30, requires: topic_outline}
recurring:
  - {id: r, title: Monthly report, rule: "RRULE:FREQ=MONTHLY;BYMONTHDAY=5", owner: gxj, submissions: [2023-04-04, 2023-05-05]}
rules:
  visit_days_per_month: {min: 5, roles: [city_leader]}
  host_burden: {window_days: 7, max_visits: 2}
""",
    "people.yaml": "- {id: lin, name: Lin Hai, title: Secretary, rank: 1, roles: [city_leader]}\n"
                   "- {id: zhou, name: Zhou Qi, title: Mayor, rank: 2, roles: [city_leader]}\n",
    "units.yaml": "- {id: fgw, name: Development Commission, type: department}\n- {id: gxj, name: Industry Bureau, type: department}\n"
                  "- {id: xiling, name: Xiling County, type: county}\n",
    "topics/t.yaml": "- {id: T-1, title: Topic one, leader: lin, outline: {submitted_on: 2023-05-06}}\n- {id: T-2, title: Topic two}\n",
    "visits/v.yaml": "- {id: V-1, date: 2023-09-04, leaders: [lin], topics: [T-1], hosts: [xiling]}\n"
                     "- {id: V-2, date: 2023-09-05, leaders: [zhou], hosts: [xiling]}\n"
                     "- {id: V-3, date: 2023-09-06, leaders: [zhou], hosts: [xiling]}\n",
    "problems/p.yaml": "- {id: P-1, title: Overdue problem, found_on: 2023-05-01, owner_unit: fgw, due: 2023-08-31}\n"
                       "- {id: P-2, title: Closed problem, found_on: 2023-05-01, owner_unit: gxj, due: 2023-08-31, closed_on: 2023-08-01, evidence: papers}\n"
                       "- {id: P-3, title: Stale problem, found_on: 2023-04-02, owner_unit: gxj, due: 2023-12-31}\n",
    "solutions/s.yaml": "- {id: S-1, title: A solution, problems: [P-1], owner_unit: fgw, due: 2023-09-01}\n",
    "institutions/i.yaml": "- {id: I-1, title: A rule, kind: new, problems: [P-1], drafting_unit: fgw, status: drafting}\n",
}
BROKEN = {
    "problems/bad.yaml": "- {id: P-9, title: Bad one, found_on: 2023-13-45, owner_unit: nowhere, due: someday, colour: red}\n"
                         "- {id: P-1, title: Duplicate, found_on: 2023-05-01}\n"
                         "- {id: P-10, title: Closed badly, found_on: 2023-05-01, closed_on: 2023-06-01}\n",
    "visits/syntax.yaml": "a: [1, 2\nb: c\n",
    "visits/tabs.yaml": "- id: V-7\n\tdate: 2023-09-01\n",
    "visits/ctl.yaml": '- {id: V-9, date: 2023-09-04, leaders: [ghost], hosts: [xiling], summary: "bell\\x07"}\n',
    "people/more.yaml": "not: [a list\n",
}


def make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def english(tmp_path: Path) -> Path:
    return make(tmp_path / "english", ENGLISH_CAMPAIGN)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "example", ignore=shutil.ignore_patterns(".dytool"))
    return tmp_path / "example"


def git_repository(root: Path) -> Path:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return root


def chinese_runs(root: Path) -> list[list[str]]:
    day = ["--as-of", "2023-09-15", "-C", str(root), "--lang", "zh", "--no-color"]
    return [
        ["check", *day], ["check", *day, "--format", "json"], ["status", *day], ["status", *day, "--format", "md"],
        ["status", *day, "-o", "/proc/version/briefing.md"], ["check", *day, "-o", "/dev/full"], ["diff", "no-such-revision", *day],
        ["status", *day, "--format", "html"], ["status", *day, "--colour"], ["status", *day, "--leader", "nobody"],
        ["check", "--as-of", "2023-02-30", "-C", str(root)], ["export", *day, "--unit", "nowhere"], ["new", "problem", *day],
        ["close", "P-404", *day], ["compile", *day, "--format", "docx,html"], ["bulletin", *day, "--month", "2023-13"],
        ["diff", "HEAD", *day], ["fmt", "--check", *day], ["close", "P-2", *day],
    ]


@pytest.mark.parametrize("which", ["example", "english"])
def test_chinese_output_holds_no_stray_english(which: str, example: Path, english: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = git_repository(make(example if which == "example" else english, BROKEN))
    allowed = repository_words(root)
    for args in chinese_runs(root):
        code, shown = output(capsys, *args)
        assert code != 3, (args, shown)
        if "--format" in args and args[args.index("--format") + 1] == "json":
            shown = "\n".join(re.findall(r'"(?:message|hint)": "(.*)"', shown))  # the keys are for programs
        given = {word for arg in args for word in re.findall(r"[A-Za-z]+", arg)}  # what the user typed is quoted back
        assert stray_english(shown, allowed | given) == [], (args, shown[-2000:])


def test_chinese_output_of_a_folder_without_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["status", "-C", str(tmp_path)], ["rollup", "status", "-C", str(tmp_path)], ["--lang", "zh", "check", "-C", str(tmp_path / "x")]):
        _, shown = output(capsys, *args)
        assert stray_english(shown, set()) == [], (args, shown)


def english_runs(root: Path) -> list[list[str]]:
    day = ["--as-of", "2023-09-15", "-C", str(root), "--lang", "en", "--no-color"]
    return [
        ["check", *day], ["status", *day], ["status", *day, "--format", "md"], ["status", *day, "--since", "HEAD"],
        ["status", *day, "-o", "/proc/version/briefing.md"], ["diff", "no-such-revision", *day], ["diff", "HEAD", *day],
        ["status", *day, "--format", "html"], ["status", *day, "--leader", "nobody"], ["export", *day, "--unit", "nowhere"],
        ["new", "problem", *day], ["close", "P-404", *day], ["close", "P-1", "--dry-run", *day, "--note", "done"],
        ["fmt", "--check", *day], ["doctor", "--lang", "en"],
    ]


def test_english_output_has_no_full_width_punctuation_nor_chinese(english: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = git_repository(make(english, BROKEN))
    for args in english_runs(root):
        code, shown = output(capsys, *args)
        assert code != 3, (args, shown)
        assert FULL_WIDTH.findall(shown) == [], (args, shown[-2000:])
        chinese = [line for line in shown.splitlines() if CJK.search(line) and "月" not in line]  # date phrases are Chinese by nature
        assert chinese == [], (args, chinese)


def test_english_briefing_of_the_chinese_example_keeps_punctuation_to_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    """In the example, full-width marks come only inside record values (a Chinese title)."""
    _, shown = output(capsys, "status", "-C", str(EXAMPLE), "--as-of", "2023-09-15", "--lang", "en", "--format", "md")
    ours = re.sub(r"[^\x00-\x7f—…·→]*[\u3400-\u9fff][^\x00-\x7f—…·→]*", "", shown)  # drop every run of Chinese text with its marks
    assert FULL_WIDTH.findall(ours) == [], ours
