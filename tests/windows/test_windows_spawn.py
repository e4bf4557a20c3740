"""Windows has no ``fork``: the parallel loader must give the same under ``spawn``.

Workers started by ``spawn`` import dytool afresh and inherit nothing: what they load against
comes through the pool's initializer, and every job and result must pickle.  The repository is
generated big enough that the loader really uses workers (``PARALLEL_MIN_BYTES``, 8 files).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dytool.checks import SUITE
from dytool.engine import load
from dytool.engine.check import check_repository
from dytool.engine.load import LoadOptions, load_repository

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2023, 9, 15)


@pytest.fixture(scope="module")
def big_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spawn") / "campaign"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(out), "--records", "5000", "--errors", "25", "-q"],
                   check=True, stdout=subprocess.DEVNULL, timeout=120)
    record_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and p.name != "campaign.yaml")
    assert record_bytes > load.PARALLEL_MIN_BYTES and sum(1 for _ in out.rglob("*.yaml")) >= 8
    return out


def _records(root: Path, options: LoadOptions) -> dict[str, list[object]]:
    repo = load_repository(root, SUITE, options).repo
    return {kind: [entry.record.model_dump() for entry in entries] for kind, entries in repo.records.items()}


def _findings(root: Path, options: LoadOptions) -> list[tuple[str, str, int, int, str]]:
    return [(f.code, f.file, f.line, f.column, f.message_en) for f in check_repository(root, SUITE, AS_OF, options).findings]


def test_the_parallel_load_under_spawn_equals_a_serial_load(big_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []
    real = load.multiprocessing.get_context

    def context(method: str | None = None) -> object:
        used.append(str(method))
        return real(method)

    monkeypatch.setattr(load.multiprocessing, "get_context", context)
    serial = LoadOptions(cache=False, jobs=1)
    spawned = LoadOptions(cache=False, jobs=2, start_method="spawn")
    assert _findings(big_repo, spawned) == _findings(big_repo, serial)
    assert used == ["spawn"], "the load did not go through worker processes"
    assert _records(big_repo, spawned) == _records(big_repo, serial)


def test_dytool_check_under_spawn_end_to_end(big_repo: Path, tmp_path: Path) -> None:
    """The command as a user runs it, in its own process, with workers started by ``spawn``."""
    def check(start_method: str) -> tuple[int, object]:
        env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "DYTOOL_JOBS": "2",
               "DYTOOL_START_METHOD": start_method}
        done = subprocess.run([sys.executable, "-m", "dytool", "check", "-C", str(big_repo), "--no-cache", "--as-of", "2023-09-15",
                               "--format", "json"], env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.stderr == ""
        return done.returncode, json.loads(done.stdout)

    spawned = check("spawn")  # DYTOOL_START_METHOD (cli/settings.py) asks for what Windows does
    assert spawned[0] == 1  # the generator seeded errors
    assert spawned == check("fork")


def test_campaign_templates_render_in_a_spawned_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Untrusted templates render in a child process: under ``spawn`` too, with their problems
    named at their file and line, and the time budget still holding."""
    from dytool.documents import templating
    from dytool.documents.templating import TemplateProblem, Templates

    template = tmp_path / "templates" / "compilation" / "report.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("自定义：{{ title }}\n", encoding="utf-8")
    spawned = Templates(tmp_path, start_method="spawn")
    assert spawned.render("compilation/report.md.j2", {"title": "报告"}) == "自定义：报告\n"
    template.write_text("第一行\n{{ nonexistent }}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem) as problem:
        spawned.render("compilation/report.md.j2", {"title": "报告"})
    assert (problem.value.file, problem.value.line) == ("templates/compilation/report.md.j2", 2)
    monkeypatch.setattr(templating, "TIME_LIMIT", 3.0)
    template.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", encoding="utf-8")
    with pytest.raises(TemplateProblem) as problem:
        Templates(tmp_path, start_method="spawn").render("compilation/report.md.j2", {})
    assert "3 s" in problem.value.en


def test_dytool_compile_with_campaign_templates_under_spawn(tmp_path: Path) -> None:
    """On Windows there is no ``fork`` to start the templates' child process with."""
    import shutil

    from util import EXAMPLE

    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    own = root / "templates" / "compilation" / "report.md.j2"
    own.parent.mkdir(parents=True)
    packaged = ROOT / "templates" / "compilation" / "report.md.j2"
    own.write_text("<!-- 本活动的模板 -->\n" + packaged.read_text(encoding="utf-8"), encoding="utf-8")
    made = {}
    for method in ("spawn", "fork"):
        env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "DYTOOL_START_METHOD": method}
        out = tmp_path / method
        done = subprocess.run([sys.executable, "-m", "dytool", "compile", "-C", str(root), "--as-of", "2023-09-15", "--format", "md",
                               "-o", str(out)], env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        [markdown] = out.glob("*.md")
        made[method] = markdown.read_text(encoding="utf-8")
    assert "<!-- 本活动的模板 -->" in made["spawn"] and made["spawn"] == made["fork"]
