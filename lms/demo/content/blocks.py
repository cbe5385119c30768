"""Builders for the blocks of a demo lesson, in the format ``lms.demo.content`` documents and validates.

Rich text is written across several source lines in the track modules and collapsed here to single spaces.
"""

from textwrap import dedent


def html(markup: str) -> str:
    """Rich text written across several source lines, collapsed to single spaces."""
    return " ".join(markup.split())


def text(markup):
    return ("text", html(markup))


def image(key, caption, alt_text):
    return ("image", {"image": key, "caption": caption, "alt_text": alt_text})


def callout(kind, title, markup):
    return ("callout", {"kind": kind, "title": title, "text": html(markup)})


def table(caption, header, rows):
    return ("table", {"caption": caption, "header": header, "rows": rows})


def code(language, source, caption):
    return ("code", {"language": language, "code": dedent(source).strip("\n"), "caption": caption})


def quick_check(question, options, explanation):
    choices = [{"text": t, "correct": ok, "feedback": feedback} for t, ok, feedback in options]
    return ("quick_check", {"question": question, "options": choices, "explanation": html(explanation)})
