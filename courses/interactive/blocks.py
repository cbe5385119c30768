"""The interactive lesson blocks: what an instructor authors (with validation that refuses a block without a correct
answer), what the trainee's browser gets (answers included: these activities are ungraded), and how the server scores
a trainee's posted response (``InteractiveBlock.score``).

A posted response is JSON; ``score`` turns it into ``Result`` or raises ``ResponseInvalid`` with a translated
message. Scores are percentages (0-100). The block's template and script live beside it
(``courses/templates/courses/interactive/``, ``courses/static/courses/interactive/``).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

#: Longest path through a branching scenario that is accepted (a loop cannot grow a post without end).
BRANCHING_MAX_STEPS = 50


class ResponseInvalid(ValidationError):
    """A posted response this block cannot read; the message says why, in the user's language."""


@dataclass
class Result:
    score: int
    completed: bool
    state: dict = field(default_factory=dict)


def _struct_error(name: str, message) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(block_errors={name: ValidationError(message)})


def _list_error(name: str, message) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(
        block_errors={name: blocks.ListBlockValidationError(non_block_errors=[ValidationError(message)])}
    )


def _distinct(name: str, keys: list[str], *, at_least: int, too_few, same) -> None:
    """An author's list (steps, points, cards): at least ``at_least`` items, no two alike (the right answer would
    be ambiguous); a message on the list otherwise."""
    if len(keys) < at_least:
        raise _list_error(name, too_few)
    if len(set(keys)) != len(keys):
        raise _list_error(name, same)


def _is_index(value, size: int) -> bool:
    """Whether a value sent by the browser is a position in a list of ``size`` (a JSON number, not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


def _permutation(response, size: int, key: str) -> list[int]:
    if not isinstance(response, dict):
        raise ResponseInvalid(_("This answer could not be read."))
    order = response.get(key)
    if not isinstance(order, list) or sorted(o for o in order if isinstance(o, int) and not isinstance(o, bool)) != (
        list(range(size))
    ):
        raise ResponseInvalid(_("This answer could not be read."))
    return order


def _percent(right: int, total: int) -> int:
    return round(100 * right / total) if total else 0


class InteractiveBlock(blocks.StructBlock):
    """An interactive activity: recorded per trainee under its StreamField block id, which stays across revisions."""

    #: The short name used in the records and the report (stable: stored in ``Interaction.kind``).
    kind = ""
    #: The block's script under ``static/`` (loaded only on lessons that use the block).
    script = ""

    def score(self, value, response, state: dict) -> Result:
        raise NotImplementedError

    class Meta:
        # It shows the trainee's own record and a form with their CSRF token: never rendered into the shared lesson
        # body cache ({% lesson_body %}).
        kompeten_per_user = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parent = parent_context or {}
        context["kind"] = self.kind
        context["block_id"] = parent.get("block_id", "")
        context["record"] = (parent.get("interactive_records") or {}).get(context["block_id"])
        return context


# --- sort and match ---------------------------------------------------------------------------------------------


class SortItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("step or term"), max_length=200)
    match = blocks.CharBlock(
        label=_("matching definition"),
        required=False,
        max_length=300,
        help_text=_("Only for matching: what this term goes with."),
    )


class SortBlock(InteractiveBlock):
    """Put steps in order, or match terms to definitions. Authored in the correct order (and pairs); the page shows
    them shuffled. Drag, tap two to swap, or use the move buttons (keyboard)."""

    kind = "sort"
    script = "courses/interactive/sort.js"

    mode = blocks.ChoiceBlock(
        label=_("activity"),
        choices=[("order", _("Put the steps in order")), ("match", _("Match terms to definitions"))],
        default="order",
    )
    instructions = blocks.CharBlock(label=_("instructions"), max_length=300)
    items = blocks.ListBlock(
        SortItemBlock(),
        label=_("steps or pairs, in the correct order"),
        min_num=2,
        max_num=12,
    )
    feedback = blocks.TextBlock(label=_("feedback when all is right"), required=False, max_length=1000)

    class Meta:
        icon = "list-ol"
        label = _("Sort or match")
        template = "courses/interactive/sort.html"
        default = {"mode": "order", "items": [{"text": "", "match": ""}] * 2}

    def clean(self, value):
        cleaned = super().clean(value)
        items = cleaned["items"]
        too_few = _("Give at least two steps or pairs.")
        if len(items) < 2:
            raise _list_error("items", too_few)
        if cleaned["mode"] == "match":
            if any(not item["match"].strip() for item in items):
                raise _list_error("items", _("Give every term its matching definition."))
            shown = [item["match"].strip().casefold() for item in items]
        else:
            shown = [item["text"].strip().casefold() for item in items]
        _distinct(
            "items",
            shown,
            at_least=2,
            too_few=too_few,
            same=_("Two items are the same: the right answer would be ambiguous."),
        )
        return cleaned

    def score(self, value, response, state: dict) -> Result:
        order = _permutation(response, len(value["items"]), "order")
        right = sum(1 for place, item in enumerate(order) if place == item)
        return Result(score=_percent(right, len(order)), completed=True)


# --- fill in the blanks -----------------------------------------------------------------------------------------

BLANK = re.compile(r"\[([^\[\]]*)\]")


def blank_answers(text: str) -> list[list[str]]:
    """The accepted answers of each ``[answer|other answer]`` blank of the text, in order."""
    return [[answer.strip() for answer in found.split("|") if answer.strip()] for found in BLANK.findall(text)]


def text_parts(text: str) -> list[tuple[str, int | None]]:
    """The text cut at its blanks: (plain text, None) and ("", blank number) in order."""
    parts, start, number = [], 0, 0
    for found in BLANK.finditer(text):
        parts.append((text[start : found.start()], None))
        parts.append(("", number))
        number, start = number + 1, found.end()
    parts.append((text[start:], None))
    return parts


def normalise(answer: str) -> str:
    """Case and spacing do not matter: "  Tegangan   Tinggi " is "tegangan tinggi"."""
    return " ".join(unicodedata.normalize("NFKC", answer).casefold().split())


class FillBlanksBlock(InteractiveBlock):
    """A text with blanks: ``[answer]``, or ``[answer|another accepted answer]``. Case and spaces are ignored."""

    kind = "blanks"
    script = "courses/interactive/blanks.js"

    instructions = blocks.CharBlock(label=_("instructions"), max_length=300, required=False)
    text = blocks.TextBlock(
        label=_("text with blanks"),
        max_length=3000,
        help_text=_(
            "Put each blank's answer in square brackets, other accepted answers after a bar: "
            "the battery works at [400|400 V] volts."
        ),
    )
    feedback = blocks.TextBlock(label=_("feedback when all is right"), required=False, max_length=1000)

    class Meta:
        icon = "edit"
        label = _("Fill in the blanks")
        template = "courses/interactive/blanks.html"

    def clean(self, value):
        cleaned = super().clean(value)
        text = cleaned["text"]
        answers = blank_answers(text)
        if not answers:
            raise _struct_error("text", _("Mark at least one blank with its answer in square brackets."))
        if any(not accepted for accepted in answers):
            raise _struct_error("text", _("Every blank needs its answer inside the square brackets."))
        if len(answers) > 20:
            raise _struct_error("text", _("Use at most 20 blanks in one text."))
        if "[" in BLANK.sub("", text) or "]" in BLANK.sub("", text):
            raise _struct_error("text", _("A square bracket is not closed."))
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        answers = blank_answers(value["text"])
        context["parts"] = [
            (text, number, answers[number] if number is not None else None)
            for text, number in text_parts(value["text"])
        ]
        return context

    def score(self, value, response, state: dict) -> Result:
        answers = blank_answers(value["text"])
        given = response.get("answers") if isinstance(response, dict) else None
        if not isinstance(given, list) or len(given) != len(answers) or not all(isinstance(g, str) for g in given):
            raise ResponseInvalid(_("This answer could not be read."))
        if any(len(g) > 200 for g in given):
            raise ResponseInvalid(_("An answer is too long."))
        right = sum(
            1
            for typed, accepted in zip(given, answers, strict=True)
            if normalise(typed) in {normalise(a) for a in accepted}
        )
        return Result(score=_percent(right, len(answers)), completed=True)


# --- image hotspots ---------------------------------------------------------------------------------------------


class HotspotBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=120)
    x = blocks.DecimalBlock(label=_("across (%)"), min_value=0, max_value=100, decimal_places=1)
    y = blocks.DecimalBlock(label=_("down (%)"), min_value=0, max_value=100, decimal_places=1)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)


class HotspotsBlock(InteractiveBlock):
    """A picture with numbered points. *Find*: for each label the trainee taps the point it names. *Explore*: the
    trainee taps each point to reveal its label."""

    kind = "hotspots"
    script = "courses/interactive/hotspots.js"

    mode = blocks.ChoiceBlock(
        label=_("activity"),
        choices=[("find", _("Find the part that matches each label")), ("explore", _("Reveal the points"))],
        default="find",
    )
    instructions = blocks.CharBlock(label=_("instructions"), max_length=300)
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=250, help_text=_("Describe the image for screen readers.")
    )
    spots = blocks.ListBlock(
        HotspotBlock(),
        label=_("points (position as a percentage of the width and the height)"),
        min_num=1,
        max_num=15,
    )

    class Meta:
        icon = "crosshairs"
        label = _("Image hotspots")
        template = "courses/interactive/hotspots.html"
        form_classname = "struct-block ia-hotspots-editor"  # the editor's hotspot picker (courses/wagtail_hooks.py)

    def clean(self, value):
        cleaned = super().clean(value)
        _distinct(
            "spots",
            [spot["label"].strip().casefold() for spot in cleaned["spots"]],
            at_least=1,
            too_few=_("Place at least one point on the image."),
            same=_("Two points have the same label: the right answer would be ambiguous."),
        )
        return cleaned

    def score(self, value, response, state: dict) -> Result:
        size = len(value["spots"])
        if value["mode"] == "explore":
            revealed = response.get("revealed") if isinstance(response, dict) else None
            if not isinstance(revealed, list) or not all(_is_index(r, size) for r in revealed):
                raise ResponseInvalid(_("This answer could not be read."))
            seen = len(set(revealed))
            return Result(score=_percent(seen, size), completed=seen == size)
        chosen = response.get("choices") if isinstance(response, dict) else None
        if not isinstance(chosen, list) or len(chosen) != size or not all(_is_index(c, size) for c in chosen):
            raise ResponseInvalid(_("This answer could not be read."))
        right = sum(1 for label, spot in enumerate(chosen) if label == spot)
        return Result(score=_percent(right, size), completed=True)


# --- branching scenario -----------------------------------------------------------------------------------------

SCENE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("choice"), max_length=250)
    leads_to = blocks.CharBlock(label=_("leads to (situation key)"), max_length=40)
    feedback = blocks.CharBlock(label=_("feedback on this choice"), required=False, max_length=500)


class SceneBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        label=_("key"), max_length=40, help_text=_("A short name the choices lead to: lowercase, digits, -.")
    )
    text = blocks.TextBlock(label=_("situation"), max_length=1500)
    choices = blocks.ListBlock(ChoiceBlock(), label=_("choices (none: an ending)"), min_num=0, max_num=5)
    good_ending = blocks.BooleanBlock(
        label=_("a good ending"), required=False, help_text=_("For an ending: the safe or right outcome.")
    )

    class Meta:
        default = {"choices": []}


class BranchingBlock(InteractiveBlock):
    """Situations with choices that lead to other situations, ending in feedback. The first situation starts it."""

    kind = "branching"
    script = "courses/interactive/branching.js"

    title = blocks.CharBlock(label=_("title"), max_length=200)
    scenes = blocks.ListBlock(SceneBlock(), label=_("situations (the first one starts)"), min_num=2, max_num=20)

    class Meta:
        icon = "site"
        label = _("Branching scenario")
        template = "courses/interactive/branching.html"

    def clean(self, value):
        cleaned = super().clean(value)
        scenes = list(cleaned["scenes"])
        keys = [scene["key"] for scene in scenes]
        if any(not SCENE_KEY.match(key) for key in keys):
            raise _list_error("scenes", _("A key is lowercase letters, digits and hyphens, such as hazard-1."))
        if len(set(keys)) != len(keys):
            raise _list_error("scenes", _("Two situations have the same key."))
        missing = sorted({c["leads_to"] for s in scenes for c in s["choices"]} - set(keys))
        if missing:
            raise _list_error(
                "scenes",
                _("A choice leads to a situation that does not exist: %(keys)s.") % {"keys": ", ".join(missing)},
            )
        if not scenes[0]["choices"]:
            raise _list_error("scenes", _("The first situation needs choices."))
        endings = [scene for scene in scenes if not scene["choices"]]
        if not endings:
            raise _list_error("scenes", _("Add an ending: a situation without choices."))
        if not any(scene["good_ending"] for scene in endings):
            raise _list_error("scenes", _("Mark at least one ending as the good ending."))
        if not _reaches_an_ending(scenes):
            raise _list_error("scenes", _("From the first situation, no ending can be reached."))
        return cleaned

    def score(self, value, response, state: dict) -> Result:
        path = response.get("path") if isinstance(response, dict) else None
        if not isinstance(path, list) or not 1 <= len(path) <= BRANCHING_MAX_STEPS:
            raise ResponseInvalid(_("This answer could not be read."))
        scenes = {scene["key"]: scene for scene in value["scenes"]}
        scene = value["scenes"][0]
        for step in path:
            if not isinstance(step, int) or isinstance(step, bool) or not 0 <= step < len(scene["choices"]):
                raise ResponseInvalid(_("This answer could not be read."))
            scene = scenes[scene["choices"][step]["leads_to"]]
        if scene["choices"]:  # stopped before an ending
            return Result(score=0, completed=False)
        return Result(score=100 if scene["good_ending"] else 0, completed=True, state={"ending": scene["key"]})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["scenes_id"] = f"ia-{context['block_id']}-scenes"
        context["scenes"] = [
            {
                "key": scene["key"],
                "text": scene["text"],
                "good": bool(scene["good_ending"]),
                "choices": [
                    {"text": c["text"], "to": c["leads_to"], "feedback": c["feedback"]} for c in scene["choices"]
                ],
            }
            for scene in value["scenes"]
        ]
        return context


def _reaches_an_ending(scenes) -> bool:
    by_key = {scene["key"]: scene for scene in scenes}
    seen, todo = set(), [scenes[0]["key"]]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        if not by_key[key]["choices"]:
            return True
        todo.extend(choice["leads_to"] for choice in by_key[key]["choices"])
    return False


# --- flashcards -------------------------------------------------------------------------------------------------

#: Leitner boxes: a card known moves up a box, a card missed goes back to box 1; a card in box N is due again after
#: LEITNER_DAYS[N] days (box 1: the same day).
LEITNER_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 14}


class CardBlock(blocks.StructBlock):
    front = blocks.CharBlock(label=_("front (word or question)"), max_length=200)
    back = blocks.CharBlock(label=_("back (meaning or answer)"), max_length=300)


class FlashcardsBlock(InteractiveBlock):
    """Cards to drill, scheduled per trainee on the server (Leitner boxes): a card known comes back later and later,
    a card missed comes back the same day. Done when every card has been known once."""

    kind = "flashcards"
    script = "courses/interactive/flashcards.js"

    title = blocks.CharBlock(label=_("title"), max_length=200)
    cards = blocks.ListBlock(CardBlock(), label=_("cards"), min_num=2, max_num=60)

    class Meta:
        icon = "copy"
        label = _("Flashcards")
        template = "courses/interactive/flashcards.html"

    def clean(self, value):
        cleaned = super().clean(value)
        _distinct(
            "cards",
            [card["front"].strip().casefold() for card in cleaned["cards"]],
            at_least=2,
            too_few=_("Give at least two cards."),
            same=_("Two cards have the same front."),
        )
        return cleaned

    def score(self, value, response, state: dict) -> Result:
        size = len(value["cards"])
        card = response.get("card") if isinstance(response, dict) else None
        knew = response.get("knew") if isinstance(response, dict) else None
        if not _is_index(card, size) or not isinstance(knew, bool):
            raise ResponseInvalid(_("This answer could not be read."))
        boxes = {str(k): v for k, v in (state.get("boxes") or {}).items() if str(k).isdigit() and int(k) < size}
        due = {str(k): v for k, v in (state.get("due") or {}).items() if str(k).isdigit() and int(k) < size}
        box = min(int(boxes.get(str(card), 1)) + 1, 5) if knew else 1
        boxes[str(card)] = box
        due[str(card)] = (timezone.localdate() + datetime.timedelta(days=LEITNER_DAYS[box])).isoformat()
        known = sum(1 for b in boxes.values() if b >= 2)
        return Result(score=_percent(known, size), completed=known == size, state={"boxes": boxes, "due": due})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        state = context["record"].state if context["record"] is not None else {}
        today = timezone.localdate().isoformat()
        context["cards"] = [
            {
                "front": card["front"],
                "back": card["back"],
                "box": (state.get("boxes") or {}).get(str(index), 0),
                "due": (state.get("due") or {}).get(str(index), today) <= today,
            }
            for index, card in enumerate(value["cards"])
        ]
        return context
