"""Allowlist sanitising for HTML that arrives in imported question files (standard library only).

Everything that comes out is built here: allowed tags with checked attributes, and escaped text. Nothing of the
input is passed through as markup, so a trick the parser does not know can at worst become visible text.

- kept: ``p br b i u sub sup ul ol li code pre a`` and tables (``table caption thead tbody tfoot tr th td``);
  ``strong`` / ``em`` become ``b`` / ``i`` (Wagtail's rich text format); ``a`` keeps only an ``href`` with
  ``http``, ``https`` or ``mailto``; ``th`` / ``td`` keep a numeric ``colspan`` / ``rowspan``; nothing else keeps
  an attribute (so no ``on*``, ``style``, ``class``, ``src``);
- dropped with their content: ``script``, ``style``, ``iframe``, ``object``, ``svg``, ``math``, ``template`` and the
  like; ``img`` is dropped (imported files are not stored) and counted, so that the report can say so;
- any other tag is dropped and its text kept; ``div``, headings and other blocks become paragraphs where they can.

Hostile markup: the standard library's ``HTMLParser`` takes quadratic time over some broken input (thousands of
``<a b='`` or ``<!--`` that never close; CVE-2025-6069 and its kin). ``tame_markup`` therefore runs first, in one
linear pass: a ``<`` that does not open a complete, plain tag (or a closed comment) becomes ``&lt;``, i.e. text,
and comments, processing instructions and declarations are dropped. The parser then only ever sees complete tags.
The markdown patterns below are written so that no match can run past the next delimiter (linear as well).
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {"p", "br", "b", "i", "u", "sub", "sup", "ul", "ol", "li", "code", "pre", "a"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
)
RENAMED_TAGS = {"strong": "b", "em": "i"}
BLOCK_TAGS = frozenset({"p", "ul", "ol", "pre", "table"})
PARAGRAPH_LIKE_TAGS = frozenset(
    {"div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer", "aside"}
    | {"center", "address", "figure", "figcaption", "main", "nav", "details", "summary", "dl", "dt", "dd"}
)
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template"}
    | {"noscript", "noembed", "noframes", "head", "title", "textarea", "select", "canvas", "audio", "video"}
    | {"picture", "xmp", "plaintext", "xml"}
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source"}
    | {"track", "wbr"}
)
LINK_SCHEMES = ("http://", "https://", "mailto:")
TEXT_BREAK_TAGS = frozenset({"br", "p", "li", "tr", "td", "th", "hr"} | BLOCK_TAGS | PARAGRAPH_LIKE_TAGS)
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")
# A complete start tag and a complete end tag, possessive so that a failed match gives nothing back. Outside quoted
# attribute values no "<" may appear, so a match attempt ends at the next "<" or quote; quoted values may hold "<"
# and ">" as HTML allows.
_START_TAG = re.compile(
    r"""<[a-zA-Z][^\s/<>"'=]*+"""
    r"""(?:(?:[\s/]++|(?<=["']))[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?+)*+\s*+/?>"""
)
_END_TAG = re.compile(r"</[a-zA-Z][^\s/<>]*+\s*+>")
_SPAN_NUMBER = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class CleanHtml:
    html: str
    images_dropped: int = 0


def tame_markup(value: str) -> str:
    """``value`` with every ``<`` that does not open a complete tag turned into ``&lt;`` and comments,
    declarations and processing instructions left out; linear in the length of ``value``."""
    out: list[str] = []
    position, length = 0, len(value)
    comment_end_from = -1  # no "-->" at or after this position (-1: not known yet)
    next_close = -2  # the first ">" at or after the last place looked from (-1: none; -2: not looked yet)
    while position < length:
        start = value.find("<", position)
        if start == -1:
            out.append(value[position:])
            break
        out.append(value[position:start])
        if value.startswith("<!--", start):
            end = -1 if 0 <= comment_end_from <= start else value.find("-->", start + 4)
            if end == -1:
                comment_end_from = start
                out.append("&lt;")
                position = start + 1
            else:
                position = end + 3
            continue
        match = _START_TAG.match(value, start) or _END_TAG.match(value, start)
        if match:
            out.append(match.group(0))
            position = match.end()
            continue
        if value.startswith(("<!", "<?"), start):  # a declaration or instruction that closes before the next "<"
            if next_close == -2 or 0 <= next_close < start:
                next_close = value.find(">", start)
            following = value.find("<", start + 1)
            if next_close != -1 and (following == -1 or next_close < following):
                position = next_close + 1
                continue
        out.append("&lt;")
        position = start + 1
    return "".join(out)


def clean_html(value: str, *, wrap_paragraphs: bool = False, allow_links: bool = True) -> CleanHtml:
    """Sanitise ``value``. With ``wrap_paragraphs`` loose text and inline markup at the top level go into ``<p>``
    (for a question's stem); without it they stay as they are (for an option)."""
    parser = _Sanitizer(wrap_paragraphs=wrap_paragraphs, allow_links=allow_links)
    parser.feed(tame_markup(value or ""))
    parser.close()
    return CleanHtml(html="".join(parser.out).strip(), images_dropped=parser.images_dropped)


def sanitize_html(value: str, *, wrap_paragraphs: bool = False, allow_links: bool = True) -> str:
    return clean_html(value, wrap_paragraphs=wrap_paragraphs, allow_links=allow_links).html


def html_to_text(value: str) -> str:
    """The visible text of an HTML fragment on one line: tags and dangerous elements gone, entities decoded."""
    parser = _TextExtractor()
    parser.feed(tame_markup(value or ""))
    parser.close()
    return " ".join("".join(parser.out).split())


def text_to_html(text: str) -> str:
    """Plain text as HTML: escaped, blank lines make paragraphs, single newlines make line breaks."""
    return format_to_html(text, PLAIN)


def _safe_href(value: str | None) -> str | None:
    if not value:
        return None
    squeezed = _CONTROL_AND_SPACE.sub("", value).lower()
    if squeezed.startswith(LINK_SCHEMES) and len(squeezed) > len("mailto:"):
        return value.strip()
    return None


class _Sanitizer(HTMLParser):
    def __init__(self, *, wrap_paragraphs: bool, allow_links: bool):
        super().__init__(convert_charrefs=True)
        self.wrap_paragraphs = wrap_paragraphs
        self.allow_links = allow_links
        self.out: list[str] = []
        self.stack: list[str] = []
        self.skip_depth = 0
        self.images_dropped = 0

    # --- structure -------------------------------------------------------------------------------------------
    def _open(self, tag: str, attrs: str = "") -> None:
        self.out.append(f"<{tag}{attrs}>")
        self.stack.append(tag)

    def _close_through(self, tag: str) -> None:
        while self.stack:
            top = self.stack.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                return

    def _close_open_paragraph(self) -> None:
        if "p" in self.stack:
            self._close_through("p")

    def _ensure_paragraph(self) -> None:
        if self.wrap_paragraphs and not self.stack:
            self._open("p")

    # --- parser callbacks ------------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if self.skip_depth:
            if tag in DROPPED_WITH_CONTENT and tag not in VOID_TAGS:
                self.skip_depth += 1
            return
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID_TAGS:
                self.skip_depth = 1
            return
        if tag == "img":
            self.images_dropped += 1
            return
        tag = RENAMED_TAGS.get(tag, tag)
        if tag in PARAGRAPH_LIKE_TAGS:
            self._close_open_paragraph()
            if self.wrap_paragraphs and not self.stack:
                self._open("p")
            return
        if tag not in ALLOWED_TAGS:
            return
        if tag == "br":
            self._ensure_paragraph()
            self.out.append("<br/>")
            return
        attributes = ""
        if tag == "a":
            href = _safe_href(dict(attrs).get("href")) if self.allow_links else None
            if href is None:
                return
            attributes = f' href="{html.escape(href, quote=True)}"'
        elif tag in ("td", "th"):
            for name, value in attrs:
                if name in ("colspan", "rowspan") and value and _SPAN_NUMBER.match(value.strip()):
                    attributes += f' {name}="{value.strip()}"'
        if tag in BLOCK_TAGS:
            self._close_open_paragraph()
        else:
            self._ensure_paragraph()
        self._open(tag, attributes)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if self.skip_depth:
            if tag in DROPPED_WITH_CONTENT and tag not in VOID_TAGS:
                self.skip_depth -= 1
            return
        tag = RENAMED_TAGS.get(tag, tag)
        if tag in PARAGRAPH_LIKE_TAGS:
            if self.stack[:1] == ["p"]:
                self._close_through("p")
            return
        if tag in self.stack and tag not in VOID_TAGS:
            self._close_through(tag)

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        if self.wrap_paragraphs and not self.stack:
            if not data.strip():
                return
            self._open("p")
        self.out.append(html.escape(data, quote=False))

    def close(self):
        super().close()
        while self.stack:
            self.out.append(f"</{self.stack.pop()}>")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in DROPPED_WITH_CONTENT and tag not in VOID_TAGS:
            self.skip_depth += 1
        elif tag in TEXT_BREAK_TAGS:
            self.out.append(" ")

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in DROPPED_WITH_CONTENT and tag not in VOID_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in TEXT_BREAK_TAGS:
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip_depth:
            self.out.append(data)


# --- text formats of Moodle files ------------------------------------------------------------------------------
HTML = "html"
MOODLE = "moodle"
PLAIN = "plain"
MARKDOWN = "markdown"
_HAS_BLOCK_MARKUP = re.compile(r"<\s*(p|div|br|ul|ol|table|pre|h[1-6]|blockquote)\b", re.IGNORECASE)
# The text between two delimiters never holds the delimiter itself, so that a delimiter that is never closed costs
# one scan to the next delimiter, not one to the end of the line.
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1(?![\w*])")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:https?://|mailto:)[^()\[\]\s]+)\)")


def format_to_html(text: str, text_format: str, *, paragraphs: bool = True) -> str:
    """Unsanitised HTML for ``text`` written in one of Moodle's formats (pass the result to ``clean_html``).

    ``html`` is taken as it is; ``moodle`` (auto-format) is HTML where line breaks count unless the text already
    has block markup; ``plain`` is escaped; ``markdown`` gets a small subset (paragraphs, line breaks, bold,
    italic, inline code and links), everything else stays literal text. Without ``paragraphs`` (for an option)
    blank lines become line breaks instead of paragraphs.
    """
    text = text or ""
    if text_format == HTML or (text_format == MOODLE and _HAS_BLOCK_MARKUP.search(text)):
        return text
    if text_format == PLAIN:
        return _join_paragraphs([html.escape(part, quote=False) for part in _paragraphs(text)], paragraphs)
    if text_format == MARKDOWN:
        return _join_paragraphs([_markdown_inline(part) for part in _paragraphs(text)], paragraphs)
    return _join_paragraphs(_paragraphs(text), paragraphs)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]


def _join_paragraphs(parts: list[str], paragraphs: bool) -> str:
    parts = [part.replace("\n", "<br/>") for part in parts]
    if paragraphs:
        return "".join(f"<p>{part}</p>" for part in parts)
    return "<br/><br/>".join(parts)


def _markdown_inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = _MD_CODE.sub(r"<code>\1</code>", escaped)
    escaped = _MD_LINK.sub(r'<a href="\2">\1</a>', escaped)
    escaped = _MD_BOLD.sub(r"<b>\2</b>", escaped)
    return _MD_ITALIC.sub(r"<i>\2</i>", escaped)


def rich_text(text: str, text_format: str, *, wrap_paragraphs: bool = False, allow_links: bool = True) -> CleanHtml:
    """``text`` in a Moodle format, converted and sanitised."""
    return clean_html(
        format_to_html(text, text_format, paragraphs=wrap_paragraphs),
        wrap_paragraphs=wrap_paragraphs,
        allow_links=allow_links,
    )
