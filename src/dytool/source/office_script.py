"""Run by LibreOffice's Python (not by dytool's): export Word files to PDF with their contents
updated.  It imports nothing of dytool; :mod:`dytool.source.office` starts it.

Usage: ``python office_script.py SOFFICE PROFILE_URL PIPE_NAME JOBS_JSON``, where ``JOBS_JSON``
is a file holding ``[{"docx": ..., "pdf": ..., "toc": ...}, ...]``.  For each job the Word
file is opened hidden, every index (the table of contents) and field is updated, the text of
each contents line is written to ``toc`` as JSON, and the PDF is written to ``pdf``
(omitted: no PDF).  Exit code 0 when every job was done.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]  # LibreOffice's Python-UNO bridge


def _prop(name: str, value: Any) -> Any:
    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, office: subprocess.Popen[bytes]) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if office.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _contents(document: Any) -> list[str]:
    lines: list[str] = []
    indexes = document.getDocumentIndexes()
    for number in range(indexes.getCount()):
        index = indexes.getByIndex(number)
        index.update()
        if index.supportsService("com.sun.star.text.ContentIndex"):
            paragraphs = index.getAnchor().createEnumeration()
            while paragraphs.hasMoreElements():
                lines.append(paragraphs.nextElement().getString())
    return lines


def _export(desktop: Any, job: dict[str, str]) -> None:
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["docx"]), "_blank", 0,
                                            (_prop("Hidden", True), _prop("ReadOnly", True), _prop("MacroExecutionMode", 0)))
    try:
        lines = _contents(document)
        document.getTextFields().refresh()
        document.refresh()
        lines = lines or _contents(document)
        with open(job["toc"], "w", encoding="utf-8") as out:
            json.dump(lines, out, ensure_ascii=False)
        if job.get("pdf"):
            document.storeToURL(uno.systemPathToFileUrl(job["pdf"]), (_prop("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)


def main(argv: list[str]) -> int:
    soffice, profile, pipe, jobs_file = argv
    with open(jobs_file, encoding="utf-8") as handle:
        jobs = json.load(handle)
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo", "--norestore",
               "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]
    office = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        context = _connect(pipe, office)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for job in jobs:
            _export(desktop, job)
        with contextlib.suppress(Exception):  # the office going away ends the connection
            desktop.terminate()
        office.wait(60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
