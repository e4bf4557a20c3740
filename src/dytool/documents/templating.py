"""Jinja2 templates, rendered safely.

Packaged templates (``templates/`` of the project) can be overridden by a campaign's own
``templates/`` folder, file by file; ``--template NAME`` picks the set ``templates/NAME/``.
Campaign templates arrive through pull requests and render in CI, so they are untrusted:

* the environment is Jinja's *immutable sandbox* with strict undefined variables, and
  templates get plain data (strings, numbers, lists, dicts), never models or paths;
* template names with ``..`` and files that are links are refused;
* when any campaign template is used, rendering runs in a child process with a time limit
  and an output limit, so a template that loops forever or prints a gigabyte is cut off.

Failures come back as :class:`TemplateProblem`, naming the template file and line.
"""

from __future__ import annotations

import multiprocessing
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dytool.source.packaged import packaged

__all__ = ["MAX_OUTPUT", "TIME_LIMIT", "TemplateProblem", "Templates", "package_templates"]

TIME_LIMIT = 20.0
"""Seconds one rendering of campaign templates may take."""
MAX_OUTPUT = 32 * 1024 * 1024
"""Characters one rendering may produce."""


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
    """Escape a value for a Markdown table cell: pipes, line breaks and HTML."""
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("<", "&lt;")


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

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        parts = PurePosixPath(template).parts
        if not parts or ".." in parts or template.startswith(("/", "\\")) or (self.template_set and ".." in self.template_set):
            raise TemplateProblem(f"模板名“{template}”不允许", f"template name {template!r} is not allowed", template)
        for folder, path, trusted in self._candidates(template):
            if not path.exists() and not path.is_symlink():
                continue
            if not trusted:
                if path.is_symlink():
                    raise TemplateProblem(f"模板“{template}”是链接，已拒绝", f"template {template!r} is a link; refused", str(path))
                if folder.resolve() not in path.resolve().parents:
                    raise TemplateProblem(f"模板“{template}”在模板目录之外，已拒绝", f"template {template!r} lies outside the template folder; refused", str(path))
                self.used_campaign = True
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateProblem(f"模板“{template}”无法读取：{exc}", f"template {template!r} cannot be read: {exc}", str(path)) from None
            return source, str(path), lambda: True
        raise jinja2.TemplateNotFound(template)


@dataclass(frozen=True)
class _Job:
    campaign: Path | None
    package: Path
    template_set: str | None
    name: str
    data: dict[str, Any]


def _environment(loader: jinja2.BaseLoader) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
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
                raise TemplateProblem(f"模板“{job.name}”输出超过上限", f"template {job.name!r} produced more than the output limit", job.name)
            chunks.append(chunk)
        return "".join(chunks)
    except TemplateProblem:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"模板语法错误：{exc.message}", f"template syntax error: {exc.message}", exc.filename or job.name, exc.lineno) from None
    except jinja2.UndefinedError as exc:
        file, line = _where(exc, job.name)
        raise TemplateProblem(f"模板用到了未定义的变量：{exc.message}", f"the template uses an undefined variable: {exc.message}", file, line) from None
    except SecurityError as exc:
        file, line = _where(exc, job.name)
        raise TemplateProblem(f"模板试图做不安全的操作，已拒绝：{exc}", f"the template tried something unsafe and was refused: {exc}", file, line) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(f"找不到模板“{exc.name}”", f"template {exc.name!r} not found", str(exc.name)) from None
    except RecursionError:
        raise TemplateProblem("模板递归过深", "the template recursed too deeply", job.name) from None
    except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
        file, line = _where(exc, job.name)
        raise TemplateProblem(f"模板出错：{type(exc).__name__}: {exc}"[:300], f"template failed: {type(exc).__name__}: {exc}"[:300], file, line) from None


def _where(exc: BaseException, default: str) -> tuple[str, int]:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".j2", ".md", ".jinja")):
            return frame.filename, frame.lineno or 0
    return default, 0


def _child(job: _Job, conn: Any) -> None:
    try:
        conn.send(("ok", _render(job)))
    except TemplateProblem as problem:
        conn.send(("problem", (problem.zh, problem.en, problem.file, problem.line)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("problem", (f"模板出错：{exc}", f"template failed: {exc}", job.name, 0)))
    finally:
        conn.close()


class Templates:
    """The templates of one rendering: the campaign's own over the packaged defaults."""

    def __init__(self, campaign_root: Path | None, template_set: str | None = None) -> None:
        folder = campaign_root / "templates" if campaign_root is not None else None
        if folder is not None and (folder.is_symlink() or not folder.is_dir()):
            folder = None
        self.campaign = folder
        self.package = package_templates()
        self.template_set = template_set
        self.untrusted = folder is not None and any(folder.rglob("*.j2"))
        """Whether the campaign brings templates of its own (they render in a child process)."""

    def render(self, name: str, data: dict[str, Any]) -> str:
        job = _Job(self.campaign, self.package, self.template_set, name, data)
        if not self.untrusted:
            return _render(job)
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_child, args=(job, child), daemon=True)
        process.start()
        child.close()
        try:
            if not parent.poll(TIME_LIMIT):
                raise TemplateProblem(f"模板“{name}”渲染超过 {TIME_LIMIT:.0f} 秒，已中止", f"template {name!r} took longer than {TIME_LIMIT:.0f} s; stopped", name)
            kind, payload = parent.recv()
        except EOFError:
            raise TemplateProblem(f"模板“{name}”渲染失败", f"template {name!r} failed to render", name) from None
        finally:
            if process.is_alive():
                process.kill()
            process.join(1)
            parent.close()
        if kind == "ok":
            return str(payload)
        zh, en, file, line = payload
        raise TemplateProblem(zh, en, file, line)
