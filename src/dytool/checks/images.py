"""Images linked from reports: each must be a real PNG or JPEG inside the report's folder, in
the repository's tracked content, and of a sane size (:mod:`dytool.source.images`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.source.images import IgnoredImages, ImageLink, image_links, image_path, load_image
from dytool.source.readfile import read_guarded

__all__ = ["check_images", "report_images"]


def report_images(view: Repository) -> list[tuple[str, ImageLink]]:
    """(report file, link) for every image link of every report, in order."""
    out: list[tuple[str, ImageLink]] = []
    for report in view.reports:
        data, _ = read_guarded(view.root, report.source.file)
        if data is None:
            continue
        text = data.decode("utf-8", "replace")
        out.extend((report.source.file, link) for link in image_links(text))
    return out


def check_images(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    links = report_images(view)
    if not links:
        return
    ignored = IgnoredImages(view.root, {image_path(PurePosixPath(file).parent.as_posix(), link.src) for file, link in links})
    for file, link in links:
        image, zh, en = load_image(view.root, PurePosixPath(file).parent.as_posix(), link.src, ignored)
        if image is None:
            yield CODES["bad-image"].at(Pos(file, link.line, 1), zh, en, hint=words.IMAGE_HINT)
