"""A Word document past the importer's limits is refused with the limit as its reason, never
as "cannot read this file, save it again" (which would not help)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from dytool.cli.main import run
from dytool.edit.wordread import MAX_PARAGRAPHS
from util import write_repo


def _long_document(path: Path, paragraphs: int) -> Path:
    base = path.with_name("base.docx")
    document = docx.Document()
    document.add_heading("关于测试的调研报告", 0)
    document.save(str(base))
    body = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % i for i in range(paragraphs))
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body + b"<w:sectPr", 1)
            out.writestr(item, data)
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_document_of_too_many_paragraphs_is_refused_for_that_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {"units.yaml": "- {id: fgw, name: 发改委}\n",
                                          "topics/t.yaml": "- {id: T-1, title: 课题, lead_unit: fgw}\n"})
    source = _long_document(tmp_path / "长报告.docx", MAX_PARAGRAPHS + 1)
    assert run(["--lang", lang, "import-report", "-C", str(root), "--as-of", "2023-09-15", str(source), "--topic", "T-1"]) == 1
    err = capsys.readouterr().err
    assert "50,000" in err and "ValueError" not in err, err
    assert not (root / "reports").exists()
