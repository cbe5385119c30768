"""Short-answer patterns (regular expressions) that can never backtrack catastrophically: checked when an author
saves them and before a pattern is ever run."""

from __future__ import annotations

import re

from django.utils.translation import gettext

#: Longest accepted-answer pattern graded; the model's field holds 500 characters, a safe pattern needs far fewer.
#: Both bounds below are the regex-safety checker's (what keeps grading fast), not settings to tune per site.
REGEX_MAX_CHARS = 200
#: Most open-ended repetitions (``*``, ``+``, ``{n,}``, ``{n,m}`` with m > 10) in one pattern: each one multiplies
#: the work of a failing match by the answer's length (500 characters at most). Two cost a few milliseconds at
#: worst; three already up to a second (``[ab]*[ab]*[ab]*x``). The answer is stripped and its spaces collapsed
#: before matching, so ``\s*`` at either end is never needed.
REGEX_MAX_OPEN_REPEATS = 2
_REGEX_SMALL_REPEAT = 10
try:
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, getattr(_sre_constants, "POSSESSIVE_REPEAT", None)}
_GROUP_REFERENCES = {
    _sre_constants.GROUPREF,
    _sre_constants.GROUPREF_EXISTS,
    _sre_constants.GROUPREF_IGNORE,
    _sre_constants.GROUPREF_LOC_IGNORE,
    _sre_constants.GROUPREF_UNI_IGNORE,
}


class _UnsafePattern(Exception):
    pass


def regex_problem(pattern: str) -> str | None:
    """Why a short-answer pattern is refused, translated; ``None`` when it is safe to match.

    Python's ``re`` backtracks, so a pattern like ``(a+)+$`` or ``(a|a)*b`` takes exponential time on a wrong
    answer of a few dozen characters (a whole worker stuck: "ReDoS"). A pattern is accepted only when it cannot:
    at most ``REGEX_MAX_CHARS`` characters; no back-references; inside a repeated group no further repetition or
    optional part and no alternatives that can start with the same character; at most ``REGEX_MAX_OPEN_REPEATS``
    open-ended repetitions in all. ``Question.clean`` should refuse what this refuses (at save time); grading
    never runs a refused pattern (``ShortText``), so an old snapshot with one only fails to match.
    """
    if len(pattern) > REGEX_MAX_CHARS:
        return gettext("The pattern is longer than %(limit)s characters.") % {"limit": REGEX_MAX_CHARS}
    try:
        tree = _sre_parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return gettext("This pattern is not valid: %(error)s") % {"error": error}
    try:
        open_repeats = _regex_walk(list(tree), in_repeat=False, ignore_case=True)
    except _UnsafePattern as unsafe:
        return str(unsafe)
    if open_repeats > REGEX_MAX_OPEN_REPEATS:
        return gettext("The pattern repeats too freely: use at most %(limit)s of “*”, “+” and “{n,}”.") % {
            "limit": REGEX_MAX_OPEN_REPEATS
        }
    return None


def _regex_walk(items: list, *, in_repeat: bool, ignore_case: bool) -> int:
    """Check a parsed (sub)pattern; return how many open-ended repetitions it holds."""
    nested = gettext(
        "A repeated group may not hold another repetition, an optional part or alternatives that start alike "
        "(they make matching a wrong answer take very long)."
    )
    count = 0
    for op, argument in items:
        if op in _GROUP_REFERENCES:
            raise _UnsafePattern(gettext("Back-references (\\1, (?P=name)) are not allowed in a pattern."))
        if op in _REPEATS:
            low, high, body = argument
            if low == high:  # a fixed count: as safe as its body written out that many times
                count += low * _regex_walk(list(body), in_repeat=in_repeat, ignore_case=ignore_case)
                continue
            if in_repeat:
                raise _UnsafePattern(nested)
            if high == _sre_constants.MAXREPEAT or high > _REGEX_SMALL_REPEAT:
                count += 1
            count += _regex_walk(list(body), in_repeat=high > 1, ignore_case=ignore_case)
        elif op == _sre_constants.BRANCH:
            alternatives = [list(alternative) for alternative in argument[1]]
            if in_repeat and not _starts_apart(alternatives, ignore_case):
                raise _UnsafePattern(nested)
            count += sum(_regex_walk(alt, in_repeat=in_repeat, ignore_case=ignore_case) for alt in alternatives)
        elif op == _sre_constants.SUBPATTERN:
            count += _regex_walk(list(argument[-1]), in_repeat=in_repeat, ignore_case=ignore_case)
        elif op == _sre_constants.ATOMIC_GROUP:
            count += _regex_walk(list(argument), in_repeat=in_repeat, ignore_case=ignore_case)
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            count += _regex_walk(list(argument[1]), in_repeat=in_repeat, ignore_case=ignore_case)
    return count


def _starts_apart(alternatives: list[list], ignore_case: bool) -> bool:
    """Each alternative starts with a literal character, and no two with the same one."""
    firsts = []
    for alternative in alternatives:
        if not alternative or alternative[0][0] != _sre_constants.LITERAL:
            return False
        char = chr(alternative[0][1])
        firsts.append(char.casefold() if ignore_case else char)
    return len(set(firsts)) == len(firsts)
