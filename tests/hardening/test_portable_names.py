"""A record is never written where the office's Windows machines cannot read it: ``con.yaml``
is the console there, ``a:b.yaml`` a hidden stream of ``a``, ``lpt1/`` a printer."""

from __future__ import annotations

from pathlib import Path

import pytest

from dytool.cli.main import run
from dytool.source.filenames import portable_name
from util import write_repo

UNITS = "- {id: fgw, name: 发改委}\n- {id: con, name: 控制台局}\n- {id: aux, name: 辅助局}\n"


@pytest.mark.parametrize("given", ["problems/con.yaml", "problems/CON.yaml", "problems/aux.txt.yaml", "problems/a:b.yaml",
                                   "problems/lpt1/x.yaml", "problems/x?.yaml", "problems/nul .yaml", "problems/com9.yml"])
def test_new_refuses_a_file_windows_cannot_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {"units.yaml": UNITS})
    code = run(["--lang", "en", "new", "problem", "-C", str(root), "--as-of", "2023-09-15", "--owner-unit", "fgw",
                "--title", "标题", "--due", "2023-12-01", "--file", given, "--no-input"])
    assert code == 2
    assert "Windows" in capsys.readouterr().err
    assert not (root / "problems").exists() or not list((root / "problems").iterdir())


@pytest.mark.parametrize("unit", ["con", "aux"])
def test_a_unit_named_like_a_device_gets_its_problems_in_the_shared_file(tmp_path: Path, unit: str) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {"units.yaml": UNITS})
    assert run(["new", "problem", "-C", str(root), "--as-of", "2023-09-15", "--owner-unit", unit,
                "--title", "标题", "--due", "2023-12-01", "--no-input"]) == 0
    assert [p.name for p in (root / "problems").iterdir()] == ["problems.yaml"]


def test_portable_names() -> None:
    assert all(portable_name(n) for n in ["fgw.yaml", "x. .yaml", "console.yaml", "发改委.yaml", "com10.yaml"])
    assert not any(portable_name(n) for n in ["", "con", "Con.yaml", "a:b.yaml", "x.yaml.", "x.yaml ", "a\\b.yaml", "a\x01.yaml"])


@pytest.mark.parametrize("name", ["problems/aux.yaml", "problems/Con.yml", "problems/com1/x.yaml", "problems/a:b.yaml",
                                  "problems/x\n::error file=forged.yaml::FORGED.yaml"])
def test_check_names_a_committed_file_windows_cannot_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {"units.yaml": UNITS,
                                          name: "- {id: P-1, title: 标题, owner_unit: fgw, due: 2023-12-01, found_on: 2023-05-01}\n"})
    assert run(["--lang", "en", "check", "-C", str(root), "--as-of", "2023-09-15"]) == 1
    out = capsys.readouterr().out
    assert "DY019" in out
    assert not any(line.startswith("::") for line in out.splitlines()), out


def test_no_file_name_or_value_starts_a_line_of_its_own_in_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forged = "x\\n::error file=forged.yaml::FORGED\\n共 0 个错误"
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {
        "units.yaml": UNITS,
        "problems/fgw.yaml": f'- {{id: P-1, title: "{forged}", owner_unit: fgw, due: 2023-12-01, found_on: 2023-05-01, source: "{forged}"}}\n',
        "visits/v.yaml": f'- {{id: V-1, date: 2023-05-01, leaders: ["{forged}"], methods: ["{forged}"]}}\n',
    })
    for args in (["check"], ["status"]):
        run([*args, "-C", str(root), "--as-of", "2023-09-15"])
        out = capsys.readouterr().out
        assert "FORGED" in out or args == ["status"]
        assert not any(line.lstrip().startswith(("::", "共 0")) for line in out.splitlines()), out
