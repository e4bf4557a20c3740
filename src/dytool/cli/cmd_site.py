"""``dytool site -o DIR``: the campaign's static website, for leaders and for CI's Pages job.

The commit comes from git (the repository's HEAD, and whether files differ from it); where
git cannot tell (a CI image without git), from the CI's own variable.  The folder is written
whole and then put in place, so a reader (a Pages server, a file share) never sees half a
site; a folder that dytool did not write is never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

from dytool.api import campaign_language, site
from dytool.cli.report import warn
from dytool.cli.settings import Settings
from dytool.core.catalogue import sharing, usage
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError

__all__ = ["run_site", "write_site"]

_CI_COMMIT = ("CI_COMMIT_SHA", "GITHUB_SHA")


def _commit(root: Path, output: Path) -> tuple[str | None, bool]:
    """(the commit of HEAD, whether the campaign's files differ from it, leaving out the
    cache and the site's own folder when it lies inside the repository)."""
    from dytool.source import git

    skip = [".dytool/"]
    if output.resolve().is_relative_to(root.resolve()):
        skip.append(output.resolve().relative_to(root.resolve()).as_posix() + "/")
    try:
        if git.is_repository(root):
            commit = git.resolve(root, "HEAD")
            changed = {f for f in git.changed_files(root, "HEAD") if not f.startswith(tuple(skip))}
            return commit, bool(changed)
    except UserError:
        pass  # a repository without a commit yet
    for name in _CI_COMMIT:
        value = os.environ.get(name, "").strip()
        if value and all(c in "0123456789abcdef" for c in value.lower()):
            return value.lower(), False
    return None, False


def _check_target(folder: Path, marker: str) -> None:
    if folder.is_symlink():
        raise UserError(sharing.SITE_IS_LINK(path=str(folder)), exit_code=EXIT_FINDINGS)
    if folder.exists() and not folder.is_dir():
        raise UserError(usage.NOT_A_FOLDER(path=str(folder)), exit_code=EXIT_FINDINGS)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / marker).is_file():
        raise UserError(sharing.SITE_NOT_OURS(path=str(folder)), hint=sharing.SITE_NOT_OURS_HINT, exit_code=EXIT_FINDINGS)


def write_site(folder: Path, files: dict[str, bytes], marker: str) -> None:
    """Replace the site in ``folder`` whole (:func:`dytool.source.folder.replace_folder`)."""
    from dytool.source.folder import replace_folder

    _check_target(folder, marker)
    try:
        replace_folder(folder, files)
    except OSError as exc:
        raise UserError(usage.CANNOT_WRITE(path=str(folder), reason=os_reason(exc)), hint=usage.CANNOT_WRITE_HINT) from None


def run_site(settings: Settings, *, output: Path, public: bool, anonymize: bool) -> int:
    from dytool import __version__
    from dytool.present.site import SITE_MARKER

    as_of, root = settings.as_of, settings.root()
    folder = Path(os.path.abspath(output))
    _check_target(folder, SITE_MARKER)
    lang = settings.lang(campaign_language(root))
    commit, dirty = _commit(root, folder)
    files, errors = site(root, as_of=as_of, lang=lang, public=public, anonymize=anonymize, commit=commit, dirty=dirty, version=__version__,
                         load=settings.load_options)
    write_site(folder, files, SITE_MARKER)
    print(sharing.SITE_WRITTEN(path=str(folder), pages=sum(1 for name in files if name.endswith(".html"))).text(lang))
    if errors:
        warn(usage.REPOSITORY_ERRORS(n=errors, consequence=usage.INCOMPLETE_SITE), lang)
        return EXIT_FINDINGS
    return EXIT_OK

