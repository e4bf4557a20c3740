"""``dytool site -o DIR``: the campaign's static website, for leaders and for CI's Pages job.

The commit comes from git (the repository's HEAD, and whether files differ from it); where
git cannot tell (a CI image without git), from the CI's own variable.  The folder is written
whole and then put in place, so a reader (a Pages server, a file share) never sees half a
site; a folder that dytool did not write is never replaced.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dytool.checks import SUITE
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang, Severity

__all__ = ["run_site"]

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
        raise UserError(f"“{folder}”是链接，拒绝写入", f"{str(folder)!r} is a link; refusing to write through it", exit_code=EXIT_FINDINGS)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"“{folder}”不是目录", f"{str(folder)!r} is not a folder", exit_code=EXIT_FINDINGS)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / marker).is_file():
        raise UserError(f"“{folder}”不是空目录，也不是 dytool 生成的网站，拒绝覆盖", f"{str(folder)!r} is neither empty nor a site dytool wrote; refusing to replace it",
                        hint_zh="换一个新目录，或先清空它", hint_en="choose a new folder, or empty it first", exit_code=EXIT_FINDINGS)


def write_site(folder: Path, files: dict[str, bytes], marker: str) -> None:
    """Replace the site in ``folder`` whole (:func:`dytool.source.folder.replace_folder`)."""
    from dytool.source.folder import replace_folder

    _check_target(folder, marker)
    try:
        replace_folder(folder, files)
    except OSError as exc:
        raise UserError(f"无法写入“{folder}”：{exc.strerror}", f"cannot write {str(folder)!r}: {exc.strerror}") from None


def run_site(settings: Settings, *, output: Path, public: bool, anonymize: bool) -> int:
    as_of = settings.as_of
    root = settings.root()
    from dytool import __version__
    from dytool.engine.cache import CACHE_DIR
    from dytool.engine.load import load_repository
    from dytool.present.site import SITE_MARKER, SiteOptions, build_site

    folder = Path(os.path.abspath(output))
    _check_target(folder, SITE_MARKER)
    loaded = load_repository(root, SUITE, settings.load_options)
    campaign = loaded.repo.campaign
    if campaign is None:
        raise UserError("campaign.yaml 有错误，无法生成网站；先运行 dytool check 查看并改正",
                        "campaign.yaml has errors, so there is no site; run 'dytool check' and fix them", exit_code=EXIT_FINDINGS)
    lang = settings.lang(campaign.language)
    commit, dirty = _commit(root, folder)
    load = settings.load_options
    options = SiteOptions(lang=lang, public=public, anonymize=anonymize, commit=commit, dirty=dirty, version=__version__,
                          cache_dir=root / CACHE_DIR if load.cache else None, key_folder=load.key_folder)
    files = build_site(loaded.repo, campaign, as_of, options)
    write_site(folder, files, SITE_MARKER)
    pages = sum(1 for name in files if name.endswith(".html"))
    print(f"{folder}（{pages} 个页面）" if lang is Lang.ZH else f"{folder} ({pages} pages)")
    errors = sum(1 for f in loaded.findings if f.severity is Severity.ERROR)
    if errors:
        print(f"dytool: 仓库有 {errors} 个错误，网站可能不完整（运行 dytool check 查看）" if lang is Lang.ZH
              else f"dytool: the repository has {errors} error(s); the site may be incomplete (run 'dytool check')", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
