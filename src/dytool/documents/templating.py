"""Jinja2 templates, rendered safely.

Packaged templates (``templates/`` of the project) can be overridden by a campaign's own
``templates/`` folder, file by file; ``--template NAME`` picks the set ``templates/NAME/``.
Campaign templates arrive through pull requests and render in CI, so they are untrusted:

* the environment is Jinja's *immutable sandbox* (Jinja2 ≥ 3.1.6: 3.1.5 and older have known
  escapes) with strict undefined variables, and templates get plain data (strings, numbers,
  lists, dicts), never models or paths; repeating a string or list beyond the output limit and
  huge powers are refused before they are computed;
* template names with ``..`` are refused, and so are template files that are links, not
  regular files, or ignored by git (not part of the repository's tracked content);
* when any campaign template is used, rendering runs in a child process with a memory limit,
  an output limit and one time budget for the whole document (not per template), so a
  template that loops forever, allocates gigabytes or prints a gigabyte is cut off.

Failures come back as :class:`TemplateProblem`, naming the template file (relative to the
campaign repository, never a path of the machine) and line.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import time
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dytool.core.catalogue import documents as words
from dytool.core.catalogue.documents import TEMPLATE_UNREADABLE
from dytool.core.catalogue.files import NOT_UTF8
from dytool.core.catalogue.system import os_reason
from dytool.source.git import ignored_paths
from dytool.source.packaged import packaged

__all__ = ["MAX_OUTPUT", "MEMORY_LIMIT", "MIN_JINJA", "TIME_LIMIT", "TemplateProblem", "Templates", "escape_controls", "jinja_version", "package_templates"]

TIME_LIMIT = 60.0
"""Seconds all renderings of campaign templates for one document may take together."""
MAX_OUTPUT = 32 * 1024 * 1024
"""Characters one rendering may produce."""
MEMORY_LIMIT = 1024 * 1024 * 1024
"""Bytes of memory a rendering of campaign templates may add to the process."""
MIN_JINJA = (3, 1, 6)
"""The oldest Jinja2 without a known sandbox escape (3.1.5 lets a template reach os.environ)."""


class TemplateProblem(Exception):
    def __init__(self, zh: str, en: str, file: str = "", line: int = 0) -> None:
        super().__init__(en)
        self.zh, self.en, self.file, self.line = zh, en, file, line

    @property
    def where(self) -> str:
        """``file:line`` (or the file alone) for messages."""
        return f"{self.file}:{self.line}" if self.line else self.file


def package_templates() -> Path:
    """The packaged default templates (installed as ``dytool/templates``; the repository's
    ``templates/`` when running from a checkout)."""
    found = packaged("templates")
    assert found is not None, "dytool is installed without its templates"
    return found


def _cell(value: Any) -> str:
    """Escape a value for a Markdown table cell: pipes, line breaks, HTML and control characters."""
    text = "" if value is None else str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("<", "&lt;")
    return escape_controls(text)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """``text`` with control characters (and what XML cannot hold) written as ``\\u000b``: visible
    in Markdown, harmless in a terminal, never a corrupt document."""
    return _CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _finalize(value: Any) -> Any:
    return escape_controls(value) if isinstance(value, str) else value


class _Loader(jinja2.BaseLoader):
    def __init__(self, campaign: Path | None, package: Path, template_set: str | None) -> None:
        self.campaign = campaign
        self.package = package
        self.template_set = template_set
        self.used_campaign = False

    def _candidates(self, name: str) -> list[tuple[Path, Path, bool]]:
        sets = [self.template_set, None] if self.template_set else [None]
        out = []
        for base, trusted in ((self.campaign, False), (self.package, True)):
            if base is None:
                continue
            for chosen in sets:
                folder = base / chosen if chosen else base
                out.append((folder, folder / name, trusted))
        return out

    def _shown(self, path: Path, trusted: bool) -> str:
        """The name messages give a template: ``templates/…`` in the campaign, or dytool's own."""
        if trusted:
            return "(dytool) templates/" + path.relative_to(self.package).as_posix()
        assert self.campaign is not None
        return "templates/" + path.relative_to(self.campaign).as_posix()

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        parts = PurePosixPath(template).parts
        if not parts or ".." in parts or template.startswith(("/", "\\")) or (self.template_set and ".." in self.template_set):
            raise TemplateProblem(*words.TEMPLATE_NAME_REFUSED(name=template).pair, template)
        for folder, path, trusted in self._candidates(template):
            if not path.exists() and not path.is_symlink():
                continue
            shown = self._shown(path, trusted)
            if not trusted:
                self._refuse_untracked(folder, path, shown)
                self.used_campaign = True
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                reason = os_reason(exc) if isinstance(exc, OSError) else NOT_UTF8
                raise TemplateProblem(*TEMPLATE_UNREADABLE(name=shown, reason=reason).pair, shown) from None
            return source, shown, lambda: True
        raise jinja2.TemplateNotFound(template)

    def _refuse_untracked(self, folder: Path, path: Path, shown: str) -> None:
        if path.is_symlink():
            raise TemplateProblem(*words.TEMPLATE_IS_LINK(name=shown).pair, shown)
        if folder.resolve() not in path.resolve().parents:
            raise TemplateProblem(*words.TEMPLATE_OUTSIDE(name=shown).pair, shown)
        if not path.is_file():
            raise TemplateProblem(*words.TEMPLATE_NOT_REGULAR(name=shown).pair, shown)
        assert self.campaign is not None
        root = self.campaign.parent
        rel = path.relative_to(root).as_posix()
        if rel in ignored_paths(root, [rel]):
            raise TemplateProblem(*words.TEMPLATE_IGNORED(name=shown).pair, shown)


@dataclass(frozen=True)
class _Job:
    campaign: Path | None
    package: Path
    template_set: str | None
    name: str
    data: dict[str, Any]


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``*`` and ``**`` checked before they run: ``'a' * 8000000000``
    or ``9 ** 99999999`` would take the machine's memory or time before any limit could act."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int) and len(sequence) * count > MAX_OUTPUT:
                    raise SecurityError("a repetition larger than the output limit")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 4096:
            raise SecurityError("a power too large to compute")
        return super().call_binop(context, operator, left, right)


def _environment(loader: jinja2.BaseLoader) -> ImmutableSandboxedEnvironment:
    env = _Sandbox(
        loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, finalize=_finalize,
    )
    env.filters["cell"] = _cell
    return env


def _render(job: _Job) -> str:
    loader = _Loader(job.campaign, job.package, job.template_set)
    env = _environment(loader)
    try:
        chunks: list[str] = []
        size = 0
        for chunk in env.get_template(job.name).generate(**job.data):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateProblem(*words.TEMPLATE_TOO_MUCH(name=job.name).pair, job.name)
            chunks.append(chunk)
        return "".join(chunks)
    except TemplateProblem:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(*words.TEMPLATE_SYNTAX(detail=exc.message or "").pair, exc.filename or job.name, exc.lineno) from None
    except jinja2.UndefinedError as exc:
        file, line = _where(exc, job.name)
        named = re.findall(r"'([A-Za-z_][\w.]{0,79})'", exc.message or "")  # 'x' is undefined; 'dict object' has no attribute 'x'
        said = (words.TEMPLATE_UNDEFINED_NAMED(name=named[-1]) if named else words.TEMPLATE_UNDEFINED)(detail=exc.message or "")
        raise TemplateProblem(*said.pair, file, line) from None
    except SecurityError as exc:
        file, line = _where(exc, job.name)
        raise TemplateProblem(*words.TEMPLATE_UNSAFE(detail=str(exc)).pair, file, line) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(*words.TEMPLATE_NOT_FOUND(name=str(exc.name)).pair, str(exc.name)) from None
    except RecursionError:
        raise TemplateProblem(*words.TEMPLATE_RECURSION.pair, job.name) from None
    except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
        file, line = _where(exc, job.name)
        said = words.TEMPLATE_FAILED(kind=type(exc).__name__, detail=str(exc)[:200])
        raise TemplateProblem(*said.pair, file, line) from None


def _where(exc: BaseException, default: str) -> tuple[str, int]:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".j2", ".md", ".jinja")):
            return frame.filename, frame.lineno or 0
    return default, 0


def _limit_memory() -> None:
    """Let this (child) process grow by at most :data:`MEMORY_LIMIT` (POSIX; elsewhere the time
    budget and the output limit still hold)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (used + MEMORY_LIMIT, used + MEMORY_LIMIT))
    except (ImportError, OSError, ValueError):
        pass


def _child(job: _Job, conn: Any) -> None:
    _limit_memory()
    try:
        conn.send(("ok", _render(job)))
    except TemplateProblem as problem:
        conn.send(("problem", (problem.zh, problem.en, problem.file, problem.line)))
    except MemoryError:
        conn.send(("problem", (f"模板“{job.name}”用到的内存超过上限，已中止", f"template {job.name!r} used more memory than allowed; stopped", job.name, 0)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("problem", (f"模板出错：{type(exc).__name__}", f"template failed: {type(exc).__name__}", job.name, 0)))
    finally:
        conn.close()


class Templates:
    """The templates of one document: the campaign's own over the packaged defaults, with one
    time budget (:data:`TIME_LIMIT`) for every rendering of campaign templates together."""

    def __init__(self, campaign_root: Path | None, template_set: str | None = None, *, start_method: str | None = None) -> None:
        folder = campaign_root / "templates" if campaign_root is not None else None
        if folder is not None and (folder.is_symlink() or not folder.is_dir()):
            folder = None
        self.campaign = folder
        self.package = package_templates()
        self.template_set = template_set
        self.untrusted = folder is not None and _has_templates(folder)
        """Whether the campaign brings templates of its own (they render in a child process)."""
        self.spent = 0.0
        """Seconds spent rendering campaign templates so far."""
        self.start_method = start_method or ("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        """How the child process starts: ``fork`` where the system has it, ``spawn`` on Windows."""

    def render(self, name: str, data: dict[str, Any]) -> str:
        job = _Job(self.campaign, self.package, self.template_set, name, data)
        if not self.untrusted:
            return _render(job)
        if jinja_version() < MIN_JINJA:
            raise TemplateProblem(*words.OLD_JINJA.pair, name)
        left = TIME_LIMIT - self.spent
        if left <= 0:
            raise TemplateProblem(*words.TEMPLATES_TOO_SLOW(seconds=TIME_LIMIT).pair, name)
        started = time.monotonic()
        ctx: Any = multiprocessing.get_context(self.start_method)  # typeshed gives a BaseContext, which has Process at run time
        parent, child = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_child, args=(job, child), daemon=True)
        process.start()
        child.close()
        try:
            if not parent.poll(left):
                raise TemplateProblem(*words.TEMPLATES_TOO_SLOW_IN(seconds=TIME_LIMIT, name=name).pair, name)
            kind, payload = parent.recv()
        except EOFError:
            raise TemplateProblem(*words.TEMPLATE_RENDER_FAILED(name=name).pair, name) from None
        finally:
            if process.is_alive():
                process.kill()
            process.join(1)
            parent.close()
            self.spent += time.monotonic() - started
        if kind == "ok":
            return str(payload)
        zh, en, file, line = payload
        raise TemplateProblem(zh, en, file, line)


def jinja_version() -> tuple[int, ...]:
    """The installed Jinja2's version as numbers (``3.1.6`` → ``(3, 1, 6)``)."""
    numbers = re.findall(r"\d+", jinja2.__version__)[:3]
    return tuple(int(number) for number in numbers)


def _has_templates(folder: Path) -> bool:
    """Whether ``folder`` holds a template, looking through real folders only (never links)."""
    return any(file.endswith(".j2") for _, _, files in os.walk(folder, followlinks=False) for file in files)
