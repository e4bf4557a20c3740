"""Edit a workbook in LibreOffice Calc (headless, through UNO) and save it as xlsx, as a unit would.

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno)::

    python3 calc_edit.py BOOK.xlsx OUT.xlsx EDITS.json PROFILE_DIR

EDITS is a list of ``{"sheet", "id", "column", "text"}`` (a text typed into the cell) or with
``"day": "2023-09-20"`` (a date typed into the cell), or ``{"sheet", "append_row": {column: text}}``
(a new row typed below the records).  The row is found by the id in the 编号 column, the column
by its header.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - LibreOffice is still starting
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not start")


def _header(sheet: object) -> tuple[int, dict[str, int]]:
    for row in range(10):
        names = {sheet.getCellByPosition(col, row).getString(): col for col in range(80)}
        if "编号" in names:
            return row, names
    raise SystemExit("no header row")


def _row_of(sheet: object, header_row: int, id_col: int, ident: str) -> int:
    for row in range(header_row + 1, header_row + 20000):
        if sheet.getCellByPosition(id_col, row).getString() == ident:
            return row
    raise SystemExit(f"no row {ident}")


def _type(cell: object, edit: dict[str, str]) -> None:
    if "day" in edit:
        cell.setValue((dt.date.fromisoformat(edit["day"]) - dt.date(1899, 12, 30)).days)
    else:
        cell.setString(edit["text"])


def main() -> None:
    book, out, edits_file, profile = sys.argv[1:5]
    edits = json.loads(Path(edits_file).read_text(encoding="utf-8"))
    pipe = f"dytool-test-{Path(profile).name}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                               f"-env:UserInstallation={Path(profile).resolve().as_uri()}", f"--accept=pipe,name={pipe};urp;"])
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(Path(book).resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),))
        for edit in edits:
            sheet = doc.Sheets.getByName(edit["sheet"])
            header_row, columns = _header(sheet)
            if "append_row" in edit:
                row = header_row + 1
                while sheet.getCellByPosition(columns["编号"], row).getString() or sheet.getCellByPosition(columns[next(iter(edit["append_row"]))], row).getString():
                    row += 1
                for column, text in edit["append_row"].items():
                    sheet.getCellByPosition(columns[column], row).setString(text)
                continue
            row = _row_of(sheet, header_row, columns["编号"], edit["id"])
            _type(sheet.getCellByPosition(columns[edit["column"]], row), edit)
        doc.storeToURL(Path(out).resolve().as_uri(), (_prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
