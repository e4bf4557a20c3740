"""A report's Markdown as HTML that cannot carry a script.

Raw HTML is never passed through (it shows as text, as in the Word documents); a link keeps
its target only for ``http:``, ``https:``, ``mailto:`` and anchors within the page, so
``javascript:``, ``data:``, ``vbscript:`` and the like are dropped and only their text stays;
so do links to other files of the repository (the site has no page for them).
Images are the report folder's own PNG and JPEG files (the rule of the Word writer), copied
into the site under a name made from their content; any other image shows as a short note.
Headings are renumbered to follow the page's own, without skipping a level.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["RenderedMarkdown", "render_markdown"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _any(url: str) -> bool:
    """markdown-it makes a token of every link and image; :func:`_inline` decides what stays
    (so a ``javascript:`` link shows as its text, not as Markdown source)."""
    return True


def _links_within(url: str) -> bool:
    """Links that the site keeps: the web, mail, and anchors on the page."""
    return url.lower().startswith(_SAFE_SCHEMES) or url.startswith("#")


def _render_table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return '<div class="table-wrap"><table>\n'


def _render_table_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</table></div>\n"


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only when a report is not in the cache

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(["table", "strikethrough"])
    md.validateLink = _any  # type: ignore[method-assign]
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", _render_table_close)
    return md


@dataclass
class RenderedMarkdown:
    html: Markup
    images: dict[str, bytes] = field(default_factory=dict)
    """Site file name (under the images folder) → bytes."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(zh, en) of each image left out."""


def _renumber(tokens: list[Token], top_level: int, title: str | None) -> list[Token]:
    """Drop a first ``# title`` that repeats the page's title; headings start at ``top_level``
    and go down one level at a time."""
    if (title is not None and len(tokens) >= 3 and tokens[0].type == "heading_open"
            and tokens[1].content.strip() == title.strip()):
        tokens = tokens[3:]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if not levels:
        return tokens
    lowest = min(levels)
    previous = top_level - 1
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        level = min(top_level + int(token.tag[1]) - lowest, previous + 1, 6)
        previous = level
        token.tag = tokens[i + 2].tag = f"h{level}"
    return tokens


def _align_by_class(cell: Token) -> None:
    """A column's alignment as a class: the page's policy forbids inline styles."""
    style = str(cell.attrs.pop("style", ""))
    for side in ("left", "center", "right"):
        if f"text-align:{side}" in style:
            cell.attrSet("class", f"align-{side}")


def _text_token(content: str) -> Token:
    from markdown_it.token import Token

    token = Token("text", "", 0)
    token.content = content
    return token


def _inline(children: list[Token], base_dir: tuple[Path, str] | None, image_prefix: str, out: RenderedMarkdown,
            left_out: Callable[[str, str], str], ignored: Container[str]) -> list[Token]:
    kept: list[Token] = []
    dropped_links = 0
    for child in children:
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if not _links_within(href):
                dropped_links += 1
                continue
            if not href.startswith("#"):
                child.attrSet("rel", "noopener noreferrer nofollow")
                child.attrSet("class", "external")
        elif child.type == "link_close" and dropped_links:
            dropped_links -= 1
            continue
        elif child.type == "image":
            from dytool.source.images import PNG_MAGIC, load_image  # the check's rule for images

            src = str(child.attrGet("src") or "")
            image, zh, en = load_image(base_dir[0], base_dir[1], src, ignored) if base_dir is not None else (None, "没有报告目录", "no report folder")
            if image is None:
                out.problems.append((zh, en))
                kept.append(_text_token(left_out(zh, en)))
                continue
            loaded = image.data
            name = hashlib.sha256(loaded).hexdigest()[:20] + (".png" if loaded.startswith(PNG_MAGIC) else ".jpg")
            out.images[name] = loaded
            child.attrSet("src", image_prefix + name)
            child.attrSet("loading", "lazy")
        kept.append(child)
    return kept


def render_markdown(text: str, *, base_dir: tuple[Path, str] | None, image_prefix: str, top_level: int = 3, title: str | None = None,
                    left_out: Callable[[str, str], str] = lambda zh, en: f"（{zh}）", ignored: Container[str] = frozenset()) -> RenderedMarkdown:
    """``text`` as safe HTML; images read from ``base_dir`` and named for ``image_prefix``; none
    of ``ignored`` (repository-relative paths git ignores)."""
    md = _parser()
    out = RenderedMarkdown(Markup(""))
    tokens = _renumber(md.parse(text), top_level, title)
    in_head = False
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        if token.type in ("th_open", "td_open"):
            _align_by_class(token)
            if token.type == "th_open" and in_head:
                token.attrSet("scope", "col")
        elif token.type == "inline" and token.children:
            token.children = _inline(token.children, base_dir, image_prefix, out, left_out, ignored)
    out.html = Markup(md.renderer.render(tokens, md.options, {}))  # noqa: S704 - markdown-it escapes text; raw HTML is off
    return out
