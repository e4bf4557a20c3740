"""The campaign's website: a static dashboard for leaders, built from the repository.

``build_site`` returns every file of the site (path → bytes); the command line writes them.
The site needs no server and no network: it opens from ``file://`` or any static host, and
each page forbids every load but the site's own files (Content-Security-Policy).  Figures are
the briefing's (:func:`dytool.status.compute_status`) and the status module's counts over the
facts, so the site and ``dytool status`` never disagree.  Classified records are left out
unless the caller asks for them (``SiteOptions.public``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from dytool.engine.repository import Repository
from dytool.engine.summary import FileSummary
from dytool.facts.records import gather
from dytool.models import Campaign
from dytool.present.site.context import SiteContext, SiteOptions
from dytool.present.site.render import CSP, render_pages
from dytool.status import compute_status

__all__ = ["CSP", "SITE_MARKER", "SiteOptions", "build_site"]

SITE_MARKER = ".dytool-site"
"""A file at the site's root that says dytool wrote the folder (and may replace it)."""


def build_site(repo: Repository, campaign: Campaign, as_of: dt.date, options: SiteOptions) -> dict[str, bytes]:
    """Every file of the site, by its path inside the site's folder."""
    if options.public and _has_classified(repo):
        repo = _public(repo)
    facts = gather(repo, campaign)
    briefing = compute_status(repo, campaign, as_of, index=facts.index)
    ctx = SiteContext(facts, briefing, as_of, options)
    files = dict(render_pages(ctx))
    ctx.memo.save()
    files[SITE_MARKER] = (f"dytool site {options.version}\nas_of {as_of.isoformat()}\ncommit {options.commit or '-'}\n").encode()
    return files


def _classified(summary: FileSummary) -> bool:
    return any(row.classified for rows in (summary.visits, summary.problems, summary.solutions, summary.institutions) for row in rows)


def _has_classified(repo: Repository) -> bool:
    """Whether any record carries a classification (else the public view is the repository itself)."""
    if any(e.record.classification is not None for e in repo.topics) or any(r.meta.classification is not None for r in repo.reports):
        return True
    return any(_classified(summary) for _, summary in repo.summaries.values())


def _public(repo: Repository) -> Repository:
    """The compilation's public view (:func:`dytool.documents.compile.public_view`), asked only
    of the files that hold a classified record: the others' summaries are their own public view."""
    from dytool.documents.compile import public_view

    touched = {rel: entry for rel, entry in repo.summaries.items() if _classified(entry[1])}
    view = public_view(dataclasses.replace(repo, summaries=touched, chosen_topics=repo.topics))  # the topics of every file
    summaries = {rel: view.summaries.get(rel, entry) for rel, entry in repo.summaries.items()}
    return dataclasses.replace(view, summaries=summaries)
