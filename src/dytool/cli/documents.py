"""Writing documents (compile, bulletin, status and the roll-up in Word): the files, the
paths printed one a line, and on standard error what was left out of them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dytool.api import Document, WordFiles, word
from dytool.cli.settings import Settings
from dytool.core.catalogue import documents as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK
from dytool.core.messages import Lang, Text
from dytool.models.campaign import Fonts as FontSpec
from dytool.source.output import default_folder, write_output

__all__ = ["Written", "write_documents"]


@dataclass
class Written:
    """What one command wrote, and what it has to tell (problems make it exit with 1)."""

    lang: Lang
    paths: list[Path] = field(default_factory=list)
    problems: list[tuple[str, Text]] = field(default_factory=list)
    notes: list[tuple[str, Text]] = field(default_factory=list)
    office_seconds: float = 0.0

    def write(self, path: Path, data: bytes) -> None:
        self.paths.append(write_output(path, data))

    def add(self, files: WordFiles) -> None:
        self.problems += files.problems
        self.notes += files.notes
        self.office_seconds += files.office_seconds

    def finish(self) -> int:
        for where, message in (*self.problems, *self.notes):
            text = message.text(self.lang)
            print(f"{where}: {text}" if where else text, file=sys.stderr)
        for path in self.paths:
            print(path)
        if self.office_seconds:
            print(f"dytool: {words.OFFICE_SECONDS(seconds=self.office_seconds).text(self.lang)}", file=sys.stderr)
        return EXIT_FINDINGS if self.problems else EXIT_OK


def word_files(written: Written, document: Document, formats: Iterable[str], path: Path, *, fonts: FontSpec | None, reference: Path | None,
               root: Path | None = None, toc_pages: bool = False) -> None:
    """``document`` in Word and/or PDF at ``path`` (its suffix replaced)."""
    chosen = set(formats)
    office = None
    if "pdf" in chosen or toc_pages:
        from dytool.source.office import find_office

        office = find_office(os.environ)
    files = word(document, chosen, fonts=fonts, reference=reference, office=office, env=os.environ, root=root, toc_pages=toc_pages)
    written.add(files)
    for suffix, data in files.files.items():
        written.write(path.with_suffix(suffix), data)


def write_documents(settings: Settings, lang: Lang, documents: Sequence[Document], formats: set[str], *, output: Path | None,
                    fonts: FontSpec | None, reference: Path | None, folder: Path | None) -> int:
    """Each document as Word and/or PDF: at ``output`` (a file) for one document, else in
    ``folder`` (default ``./build``) under its own name."""
    written = Written(lang)
    for document in documents:
        one_file = output is not None and len(documents) == 1
        path = output if one_file and output is not None else (folder or default_folder(settings.cwd, "build")) / document.stem
        word_files(written, document, formats, path, fonts=fonts, reference=reference)
    return written.finish()
