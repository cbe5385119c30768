"""The two secrets of sessions: the rotating QR check-in token and the personal calendar feed's token.

A QR token is ``django.core.signing`` over the session's id and a time slot (``KOMPETEN_ATTENDANCE_QR_SECONDS``
long, 30-60 s). It is accepted during its own slot and the one after it (the time to point a phone and load the
page), so a photo of the screen sent to a friend stops working within two slots.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.core import signing
from django.utils import timezone

from kompeten_core.conf import settings as kompeten

QR_SALT = "courses.training.sessions.qr"


def qr_seconds() -> int:
    """The QR slot's length, held within 30-60 seconds whatever the setting says."""
    return max(30, min(60, int(kompeten.ATTENDANCE_QR_SECONDS)))


def qr_slot(at: datetime.datetime | None = None) -> int:
    return int((at or timezone.now()).timestamp()) // qr_seconds()


def seconds_to_next_slot(at: datetime.datetime | None = None) -> int:
    moment = (at or timezone.now()).timestamp()
    return qr_seconds() - int(moment) % qr_seconds()


def qr_token(*, session_id: int, at: datetime.datetime | None = None) -> str:
    return signing.dumps({"s": session_id, "t": qr_slot(at)}, salt=QR_SALT, compress=False)


@dataclass(frozen=True)
class QrPayload:
    session_id: int
    slot: int


def qr_token_read(token: str) -> QrPayload | None:
    """The session id and slot a token was signed for, or None when it is not ours (forged, truncated, garbage)."""
    try:
        data = signing.loads(token, salt=QR_SALT)
        return QrPayload(session_id=int(data["s"]), slot=int(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def qr_slot_fresh(slot: int, at: datetime.datetime | None = None) -> bool:
    current = qr_slot(at)
    return current - 1 <= slot <= current


def feed_token_new() -> str:
    return secrets.token_urlsafe(32)
