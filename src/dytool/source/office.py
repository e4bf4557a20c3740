"""LibreOffice, where the user has it: Word files to PDF with the contents page updated, and
.doc or .wps files to .docx.

The one module that runs LibreOffice.  With LibreOffice's Python-UNO bridge (bundled with
LibreOffice on Windows and macOS; ``python3-uno`` on Debian) every index and field is updated
before the PDF is written, so the contents page carries real page numbers, and the updated
contents lines come back so that the Word file can store them too.  Without the bridge the
plain ``--convert-to pdf`` is used and the contents have no page numbers.

Each run uses a fresh LibreOffice profile in a temporary folder (never the user's), is bounded
in time, and is ended with its whole process group when it overruns.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.source.scratch import scratch_folder

__all__ = ["CONVERTIBLE", "TIME_LIMIT", "Exported", "Office", "convert_to_docx", "export", "find_office", "office_program"]

TIME_LIMIT = 600
"""Seconds one LibreOffice run may take (a compilation of 500 reports takes about a minute)."""

_SCRIPT = Path(__file__).with_name("office_script.py")
_NAMES = ("soffice", "libreoffice")
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe", r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
_MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


@dataclass(frozen=True)
class Office:
    soffice: str
    python: str | None
    """A Python that imports ``uno`` (updates the contents), or None."""


@dataclass(frozen=True)
class Exported:
    pdf: bytes | None
    contents: tuple[str, ...]
    """The contents lines as LibreOffice set them (``title<TAB>page``); empty without the bridge."""


def _imports_uno(python: str, env: Mapping[str, str]) -> bool:
    try:
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, env=dict(env), check=False)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def find_office(env: Mapping[str, str]) -> Office | None:
    """LibreOffice on this machine (``PATH`` of ``env`` first), or None."""
    path = env.get("PATH")
    soffice = next((found for name in _NAMES if (found := shutil.which(name, path=path))), None)
    if soffice is None:
        soffice = next((candidate for candidate in (*_WINDOWS, _MAC) if os.path.isfile(candidate)), None)
    if soffice is None:
        return None
    program = Path(soffice).resolve().parent
    candidates = [str(program / "python.exe"), str(program / "python"), str(program.parent / "Resources" / "python"),
                  "/usr/bin/python3", sys.executable]
    for python in candidates:
        if os.path.isfile(python) and _imports_uno(python, env):
            return Office(soffice, python)
    return Office(soffice, None)


def _run(command: Sequence[str], env: Mapping[str, str]) -> None:
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,  # noqa: S603
                               env=dict(env), start_new_session=True)
    try:
        _, err = process.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # the script and the office it started
        else:
            process.kill()
        process.wait()
        raise UserError(files.OFFICE_TOO_SLOW(seconds=TIME_LIMIT)) from None
    if process.returncode != 0:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [str(process.returncode)]
        raise UserError(files.OFFICE_ERROR(code=process.returncode, detail=last[0][:200]), detail=err.decode("utf-8", "replace"))


def export(office: Office, documents: Sequence[tuple[bytes, bool]], env: Mapping[str, str]) -> list[Exported]:
    """Open each Word file (its bytes, and whether a PDF is wanted) in one LibreOffice run."""
    with scratch_folder("office") as folder:
        profile = (folder / "profile").as_uri()
        jobs = []
        for number, (data, want_pdf) in enumerate(documents):
            docx = folder / f"document-{number}.docx"
            docx.write_bytes(data)
            jobs.append({"docx": str(docx), "pdf": str(folder / f"document-{number}.pdf") if want_pdf else "",
                         "toc": str(folder / f"document-{number}.json")})
        run_env = {**env, "HOME": str(folder)}
        if office.python is not None:
            (folder / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
            pipe = f"dytool-{uuid.uuid4().hex}"
            _run([office.python, str(_SCRIPT), office.soffice, profile, pipe, str(folder / "jobs.json")], run_env)
        else:
            wanted = [job["docx"] for job in jobs if job["pdf"]]
            if wanted:
                _run([office.soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                      "--outdir", str(folder), *wanted], run_env)
        out = []
        for job in jobs:
            pdf = Path(job["pdf"]).read_bytes() if job["pdf"] and Path(job["pdf"]).is_file() else None
            if job["pdf"] and pdf is None:
                raise UserError(files.OFFICE_NO_PDF)
            toc = Path(job["toc"])
            lines = json.loads(toc.read_text(encoding="utf-8")) if toc.is_file() else []
            out.append(Exported(pdf, tuple(str(line) for line in lines)))
        return out


# Converting what offices still send (.doc, .wps) to .docx, for import-report.

CONVERTIBLE = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
_CONVERT_TIMEOUT = 180


def office_program() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


SPREADSHEETS = (".xls", ".et", ".ods", ".xlt", ".ett", ".ots")
"""Workbooks units send besides .xlsx (Excel 97–2003, WPS, Calc), converted to .xlsx for import."""


def convert_to_xlsx(source: Path, dest_dir: Path) -> Path:
    """``source`` (one of :data:`SPREADSHEETS`) converted to .xlsx in ``dest_dir``, as :func:`convert_to_docx`."""
    return convert_to_docx(source, dest_dir, fmt="xlsx")


def convert_to_docx(source: Path, dest_dir: Path, fmt: str = "docx") -> Path:
    """``source`` converted to .docx (or ``fmt``) in ``dest_dir`` (a temporary folder, which also
    holds LibreOffice's profile); UserError without LibreOffice or on failure."""
    program = office_program()
    if program is None:
        raise UserError(files.OFFICE_MISSING(name=source.name, suffix=source.suffix), exit_code=EXIT_FINDINGS,
                        hint=files.OFFICE_MISSING_HINT if fmt == "docx" else files.OFFICE_MISSING_XLSX_HINT)
    profile = dest_dir / "office-profile"  # inside the caller's temporary folder: removed with it
    profile.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(profile)}
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, arguments never go through a shell
            [program, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile.resolve().as_uri()}",
             "--convert-to", fmt, "--outdir", str(dest_dir), str(source)],
            capture_output=True, timeout=_CONVERT_TIMEOUT, check=False, env=env,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        kind = os_reason(exc) if isinstance(exc, OSError) else files.TIMED_OUT
        raise UserError(files.OFFICE_FAILED(name=source.name, kind=kind, detail=str(exc)), exit_code=EXIT_FINDINGS) from None
    target = dest_dir / f"{source.stem}.{fmt}"
    if done.returncode != 0 or not target.is_file():
        raise UserError(files.OFFICE_CANNOT_CONVERT(name=source.name), exit_code=EXIT_FINDINGS)
    return target
