"""Interactive video: an uploaded video that pauses at set times for a question and resumes after the answer.

The author gives the video's length and each stop's time as ``m:ss`` (or seconds); a stop outside the video, two
stops at the same time, or a question without exactly one right choice are refused. The trainee answers one stop per
post (``{"stop": i, "choice": j}``); the server keeps each stop's latest answer in the record's state, scores the
stops answered right out of all, and counts the activity done once every stop has an answer.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from courses.interactive.blocks import InteractiveBlock, ResponseInvalid, Result, _is_index, _list_error

#: The video formats every phone browser plays without a plug-in.
VIDEO_EXTENSIONS = frozenset({"mp4", "webm"})
#: The longest video accepted, in seconds (a lesson's video is minutes, not hours).
VIDEO_MAX_SECONDS = 4 * 60 * 60

TIME = re.compile(r"^\s*(?:(\d{1,3}):([0-5]\d)|(\d{1,5}))\s*$")


def seconds_of(text: str) -> int | None:
    """``"1:30"`` or ``"90"`` as 90 seconds; None for anything else."""
    found = TIME.match(text or "")
    if found is None:
        return None
    if found.group(3) is not None:
        return int(found.group(3))
    return int(found.group(1)) * 60 + int(found.group(2))


class VideoOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("choice"), max_length=250)
    right = blocks.BooleanBlock(label=_("the right choice"), required=False)
    feedback = blocks.CharBlock(label=_("feedback on this choice"), required=False, max_length=500)


class VideoStopBlock(blocks.StructBlock):
    at = blocks.CharBlock(
        label=_("time (m:ss)"), max_length=9, help_text=_("When the video pauses for this question, such as 1:30.")
    )
    question = blocks.CharBlock(label=_("question asked at this stop"), max_length=300)
    options = blocks.ListBlock(VideoOptionBlock(), label=_("choices"), min_num=2, max_num=5)


class VideoQuizBlock(InteractiveBlock):
    """A video from the documents library that stops at set times for a question. The trainee can also answer the
    questions without playing the video (a weak connection, or no sound), and read the transcript."""

    kind = "video"
    script = "courses/interactive/video.js"

    title = blocks.CharBlock(label=_("title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("video file"), help_text=_("An MP4 or WebM file uploaded to the documents library.")
    )
    length = blocks.CharBlock(
        label=_("length of the video (m:ss)"), max_length=9, help_text=_("The stops must fall within it.")
    )
    transcript = blocks.TextBlock(label=_("transcript"), required=False, max_length=20000)
    stops = blocks.ListBlock(VideoStopBlock(), label=_("stops with a question, in time order"), min_num=1, max_num=20)

    class Meta:
        icon = "media"
        label = _("Interactive video")
        template = "courses/interactive/video.html"

    def clean(self, value):
        cleaned = super().clean(value)
        video = cleaned["video"]
        if video is not None and video.file_extension.lower() not in VIDEO_EXTENSIONS:
            raise blocks.StructBlockValidationError(
                block_errors={"video": ValidationError(_("Choose an MP4 or WebM video file."))}
            )
        length = seconds_of(cleaned["length"])
        if length is None or not 0 < length <= VIDEO_MAX_SECONDS:
            raise blocks.StructBlockValidationError(
                block_errors={"length": ValidationError(_("Give the length as minutes:seconds, such as 4:05."))}
            )
        times = [seconds_of(stop["at"]) for stop in cleaned["stops"]]
        if not times:
            raise _list_error("stops", _("Add at least one stop with a question."))
        if any(at is None for at in times):
            raise _list_error("stops", _("Give every stop's time as minutes:seconds, such as 1:30."))
        if any(not 0 < at < length for at in times):
            raise _list_error("stops", _("A stop's time falls outside the video (after its start, before its end)."))
        if len(set(times)) != len(times):
            raise _list_error("stops", _("Two stops are at the same time."))
        if any(sum(1 for option in stop["options"] if option["right"]) != 1 for stop in cleaned["stops"]):
            raise _list_error("stops", _("Mark exactly one right choice for every question."))
        return cleaned

    def _stops(self, value) -> list[dict]:
        """The stops in time order, as the page and the score read them."""
        stops = [
            {
                "at": seconds_of(stop["at"]),
                "question": stop["question"],
                "options": [
                    {"text": option["text"], "right": bool(option["right"]), "feedback": option["feedback"]}
                    for option in stop["options"]
                ],
            }
            for stop in value["stops"]
        ]
        return sorted(stops, key=lambda stop: stop["at"] or 0)

    def score(self, value, response, state: dict) -> Result:
        stops = self._stops(value)
        stop = response.get("stop") if isinstance(response, dict) else None
        choice = response.get("choice") if isinstance(response, dict) else None
        if not _is_index(stop, len(stops)) or not _is_index(choice, len(stops[stop]["options"])):
            raise ResponseInvalid(_("This answer could not be read."))
        answers = {
            key: given
            for key, given in (state.get("answers") or {}).items()
            if str(key).isdigit() and int(key) < len(stops) and _is_index(given, len(stops[int(key)]["options"]))
        }
        answers[str(stop)] = choice
        right = sum(1 for key, given in answers.items() if stops[int(key)]["options"][given]["right"])
        return Result(
            score=round(100 * right / len(stops)), completed=len(answers) == len(stops), state={"answers": answers}
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["stops_id"] = f"ia-{context['block_id']}-stops"
        context["stops"] = self._stops(value)
        return context
