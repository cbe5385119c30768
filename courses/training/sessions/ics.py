"""A personal timetable as iCalendar (RFC 5545), written by hand: CRLF line ends, lines folded at 75 octets,
TEXT values escaped, a UID and a DTSTAMP on every event, times in UTC."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone

PRODID = "-//BLK Batang//Kompeten//ID"


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """RFC 5545 §3.1: a content line longer than 75 octets continues on lines that start with a space (never
    splitting a UTF-8 character)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines carry the leading space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*, name: str, events: Iterable[dict], host: str) -> str:
    """``events``: dicts with ``uid`` (unique within ``host``), ``starts_at``, ``ends_at``, ``summary``,
    ``location``, ``description``."""
    stamp = utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Asia/Jakarta",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc(event['starts_at'])}",
            f"DTEND:{utc(event['ends_at'])}",
            f"SUMMARY:{escape_text(event['summary'])}",
            f"LOCATION:{escape_text(event['location'])}",
            f"DESCRIPTION:{escape_text(event['description'])}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
