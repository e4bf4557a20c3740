"""Sharing a campaign: the website for leaders, the summary a member publishes, and the
roll-up the level above makes of its members' summaries."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dytool.core.catalogue import documents as document_words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Lang, Text
from dytool.documents.bulletin import Bulletin
from dytool.documents.model import Document
from dytool.engine.options import LoadOptions
from dytool.rollup.changes import RollupChanges
from dytool.rollup.run import Rollup

__all__ = [
    "find_rollup", "publish", "rollup", "rollup_bulletin", "rollup_bulletin_document", "rollup_changes", "rollup_export", "site",
]


def site(root: Path, *, as_of: dt.date, lang: Lang = Lang.ZH, public: bool = True, anonymize: bool = False, commit: str | None = None,
         dirty: bool = False, version: str = "", load: LoadOptions | None = None) -> tuple[dict[str, bytes], int]:
    """The campaign's static website (``dytool site``): its files by path, and the number of
    errors in the repository (the site may miss records)."""
    from dytool.checks import SUITE
    from dytool.engine.cache import CACHE_DIR
    from dytool.engine.load import load_repository
    from dytool.present.site import SiteOptions, build_site

    options = load or LoadOptions(cache=False)
    loaded = load_repository(root, SUITE, options)
    campaign = loaded.repo.campaign
    if campaign is None:
        raise UserError(usage.CAMPAIGN_ERRORS(what=usage.WHAT_SITE), exit_code=EXIT_FINDINGS)
    site_options = SiteOptions(lang=lang, public=public, anonymize=anonymize, commit=commit, dirty=dirty, version=version,
                               cache_dir=root / CACHE_DIR if options.cached else None, key_folder=options.key_folder)
    return build_site(loaded.repo, campaign, as_of, site_options), loaded.errors


def publish(root: Path, *, as_of: dt.date, commit: str | None = None, load: LoadOptions | None = None) -> tuple[str, int]:
    """The campaign's published summary for the roll-up (``dytool publish``, schema
    ``schemas/publish.schema.json``) as JSON text, and the number of errors (invalid records
    are not counted in it)."""
    from dytool.checks import SUITE
    from dytool.engine.load import load_repository
    from dytool.rollup.publish import publish_summary, source_state
    from dytool.rollup.read import summary_json

    loaded = load_repository(root, SUITE, load or LoadOptions(cache=False))
    campaign = loaded.repo.campaign
    if campaign is None:
        raise UserError(usage.CAMPAIGN_ERRORS(what=usage.WHAT_SUMMARY), exit_code=EXIT_FINDINGS)
    return summary_json(publish_summary(loaded.repo, campaign, as_of, source_state(loaded, commit))), loaded.errors


def find_rollup(start: Path) -> Path:
    """The roll-up repository ``start`` is in (the folder with ``rollup.yaml``, here or above)."""
    from dytool.rollup.config import NoRollup, find_rollup_root

    if not start.is_dir():
        raise UserError(usage.NO_DIRECTORY(path=str(start)))
    try:
        return find_rollup_root(start)
    except NoRollup:
        raise UserError(usage.NO_ROLLUP(path=str(start)), hint=usage.NO_ROLLUP_HINT) from None


def rollup(root: Path, *, as_of: dt.date, load: LoadOptions | None = None) -> Rollup:
    """The roll-up at ``root`` (a folder with ``rollup.yaml``): every member's summary fetched,
    checked and combined; a member's problem is a finding, never an exception.  Its
    ``view()`` is what ``dytool rollup status`` shows."""
    from dytool.checks import SUITE
    from dytool.rollup.run import load_rollup

    return load_rollup(root, as_of, suite=SUITE, options=load or LoadOptions(cache=False))


def rollup_changes(made: Rollup, previous: Path) -> RollupChanges:
    """What changed since an earlier roll-up (its ``--format json`` output, at ``previous``)."""
    from dytool.rollup.changes import changes_since, read_previous

    return changes_since(read_previous(previous), made.view())


def rollup_bulletin(made: Rollup, month: str | None = None, *, start_method: str | None = None) -> Bulletin:
    """The monthly 通报 over all members, for ``month`` (default: the month before the as-of day's);
    ``start_method`` is how the sandboxed template renderer starts (default: ``fork`` where there is one)."""
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.rollup.bulletin import make_rollup_bulletin

    if month is None:
        previous = made.as_of.replace(day=1) - dt.timedelta(days=1)
        month = f"{previous.year}-{previous.month:02d}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UserError(usage.BAD_MONTH(month=month))
    try:
        return make_rollup_bulletin(made, month, Templates(made.root, start_method=start_method))
    except TemplateProblem as problem:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise UserError(document_words.TEMPLATE_PROBLEM(where=where, message=Text.plain(problem.zh, problem.en)), exit_code=EXIT_FINDINGS) from None


def rollup_bulletin_document(made: Rollup, bulletin: Bulletin, stem: str, lang: Lang = Lang.ZH) -> Document:
    """The 通报 as a document for :func:`dytool.api.word`: the masthead (第N期, issuer, day)
    set apart, as in a campaign's bulletin."""
    from dytool.documents.model import Markdown
    from dytool.facts.deadlines import chinese_day

    text = bulletin.markdown
    body = text[text.index("\n## ") + 1 :] if "\n## " in text else text
    masthead = f"第{bulletin.number}期　{bulletin.issuer}　{chinese_day(bulletin.month_last)}"
    title = document_words.BULLETIN_TITLE(title=bulletin.title, number=bulletin.number).text(lang)
    return Document(title, (Markdown(body, new_page=False, title=bulletin.title, byline=masthead),), bulletin.issuer, made.config.title,
                    bulletin.month_last, stem)


def rollup_export(made: Rollup) -> bytes:
    """The combined ledgers as a workbook: the summary sheet and one sheet per member."""
    from dytool.rollup.ledgers import rollup_xlsx

    return rollup_xlsx(made.view())
