"""dytool as a library: every operation of the command line as a documented call.

Each call takes the campaign repository's folder (``root``), the as-of day and its options as
parameters, and returns values; none prints, reads the environment or the clock.  How files
are loaded (the cache, worker processes) is a :class:`LoadOptions`; without one, nothing is
cached.  Expected failures raise :class:`UserError` (its ``message`` in both languages).
The command line (``dytool.cli``) is these calls with arguments parsed and results shown::

    from datetime import date
    from pathlib import Path
    from dytool import api

    report = api.status(Path("campaign"), as_of=date(2023, 9, 15))
    print(api.render_status(report, "md"))

=================  ==========================================================
reading            :func:`check`, :func:`status`, :func:`diff`
documents          :func:`compile`, :func:`bulletin`, :func:`word`
editing            :func:`new`, :func:`close`, :func:`fmt`, :func:`import_ledgers` (``dytool
                   import``), :func:`import_report`, :func:`init_campaign`, :func:`init_rollup`
lists              :func:`export`, :func:`schemas`
sharing            :func:`site`, :func:`publish`, :func:`rollup`, :func:`rollup_bulletin`,
                   :func:`rollup_export`
showing            :func:`render_status`, :func:`render_findings`, :func:`render_changes`,
                   :func:`render_rollup`: a format's text (Markdown, JSON, …) or Word document
=================  ==========================================================
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dytool.api.documents import (
        CompileOptions,
        Document,
        WordFiles,
        bulletin,
        bulletin_document,
        compile,
        compiled_document,
        reference_document,
        word,
    )
    from dytool.api.edits import (
        KINDS,
        Added,
        Closed,
        CloseOptions,
        FmtResult,
        ImportedReport,
        ImportResult,
        ReportOptions,
        close,
        field_labels,
        fmt,
        import_ledgers,
        import_report,
        kind_of,
        missing_fields,
        new,
    )
    from dytool.api.lists import Ledgers, campaign_language, campaign_vocabulary, export, rollup_schemas, schemas
    from dytool.api.render import render_changes, render_findings, render_rollup, render_status
    from dytool.api.reports import check, diff, status
    from dytool.api.setup import Initialized, init_campaign, init_rollup
    from dytool.api.sharing import (
        find_rollup,
        publish,
        rollup,
        rollup_bulletin,
        rollup_bulletin_document,
        rollup_changes,
        rollup_export,
        site,
    )
    from dytool.core.errors import UserError
    from dytool.core.messages import Lang, Text
    from dytool.edit.safewrite import RefusedWrite
    from dytool.engine.options import LoadOptions
    from dytool.rollup.run import Rollup

__all__ = [
    "KINDS", "Added", "CloseOptions", "Closed", "CompileOptions", "Document", "FmtResult", "ImportResult", "ImportedReport", "Initialized", "Lang", "Ledgers", "LoadOptions",
    "RefusedWrite", "ReportOptions", "Rollup", "Text", "UserError", "WordFiles", "bulletin", "bulletin_document", "campaign_language", "campaign_vocabulary",
    "check", "close", "compile", "compiled_document", "diff", "export", "field_labels", "find_rollup", "fmt", "import_ledgers", "import_report", "init_campaign", "init_rollup",
    "kind_of", "missing_fields", "new", "publish", "reference_document", "render_changes", "render_findings", "render_rollup",
    "render_status", "rollup", "rollup_bulletin", "rollup_bulletin_document", "rollup_changes", "rollup_export", "rollup_schemas", "schemas", "site", "status", "word",
]

_WHERE = {
    "Added": "dytool.api.edits",
    "CloseOptions": "dytool.api.edits",
    "Closed": "dytool.api.edits",
    "CompileOptions": "dytool.api.documents",
    "Document": "dytool.api.documents",
    "FmtResult": "dytool.api.edits",
    "ImportResult": "dytool.api.edits",
    "ImportedReport": "dytool.api.edits",
    "Initialized": "dytool.api.setup",
    "KINDS": "dytool.api.edits",
    "Lang": "dytool.core.messages",
    "Ledgers": "dytool.api.lists",
    "LoadOptions": "dytool.engine.load",
    "RefusedWrite": "dytool.edit.safewrite",
    "ReportOptions": "dytool.api.edits",
    "Rollup": "dytool.rollup.run",
    "Text": "dytool.core.messages",
    "UserError": "dytool.core.errors",
    "WordFiles": "dytool.api.documents",
    "bulletin": "dytool.api.documents",
    "bulletin_document": "dytool.api.documents",
    "campaign_language": "dytool.api.lists",
    "campaign_vocabulary": "dytool.api.lists",
    "check": "dytool.api.reports",
    "close": "dytool.api.edits",
    "compile": "dytool.api.documents",
    "compiled_document": "dytool.api.documents",
    "diff": "dytool.api.reports",
    "export": "dytool.api.lists",
    "field_labels": "dytool.api.edits",
    "find_rollup": "dytool.api.sharing",
    "fmt": "dytool.api.edits",
    "import_ledgers": "dytool.api.edits",
    "import_report": "dytool.api.edits",
    "init_campaign": "dytool.api.setup",
    "init_rollup": "dytool.api.setup",
    "kind_of": "dytool.api.edits",
    "missing_fields": "dytool.api.edits",
    "new": "dytool.api.edits",
    "publish": "dytool.api.sharing",
    "reference_document": "dytool.api.documents",
    "render_changes": "dytool.api.render",
    "render_findings": "dytool.api.render",
    "render_rollup": "dytool.api.render",
    "render_status": "dytool.api.render",
    "rollup": "dytool.api.sharing",
    "rollup_bulletin": "dytool.api.sharing",
    "rollup_bulletin_document": "dytool.api.sharing",
    "rollup_changes": "dytool.api.sharing",
    "rollup_export": "dytool.api.sharing",
    "rollup_schemas": "dytool.api.lists",
    "schemas": "dytool.api.lists",
    "site": "dytool.api.sharing",
    "status": "dytool.api.reports",
    "word": "dytool.api.documents",
}
"""Where each name lives: a call imports only its own module, so that ``dytool check`` loads
neither the documents nor the roll-up."""


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'dytool.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
