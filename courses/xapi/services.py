"""Writing xAPI statements, and forwarding them to the external LRS (``KOMPETEN_XAPI_LRS_*``).

The actor is an ``account`` on the site's own home page (``public_base_url()``) named by the user's id — never an
e-mail address or a name. A statement is stored in the caller's transaction; when an LRS is set, its forwarding goes
through the task outbox, so it reaches the broker even if the broker was down, and a statement the LRS did not
accept stays unsent (``forwarded_at`` empty) until ``statements_forward_pending`` sends it: nothing is lost.
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.request
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from courses.outbox import outbox_enqueue
from courses.xapi.models import Statement
from courses.xapi.tasks import xapi_statement_forward as xapi_statement_forward_task
from kompeten_core.conf import public_base_url
from kompeten_core.conf import settings as kompeten

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"
ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "scorm": "http://adlnet.gov/expapi/activities/module",
    "exam": "http://adlnet.gov/expapi/activities/assessment",
    "certificate": "https://w3id.org/xapi/cmi5/activitytype/block",
    "interaction": "http://adlnet.gov/expapi/activities/interaction",
}
Verb = Statement.Verb


def activity_id(kind: str, pk) -> str:
    """The IRI of one of our activities (a lesson, a package, an exam, a certificate's scheme or course)."""
    return f"{public_base_url()}/xapi/{kind}/{pk}"


def _actor(user) -> dict:
    return {"objectType": "Agent", "account": {"homePage": public_base_url(), "name": str(user.pk)}}


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    return value


def result_of(*, score_scaled=None, score_raw=None, score_max=None, success=None, completion=None, seconds=None):
    """An xAPI ``result`` from what we know (None: not said)."""
    score = _plain({"scaled": score_scaled, "raw": score_raw, "max": score_max})
    if score and score_max is not None and score_raw is not None:
        score["min"] = 0
    result = {"score": score or None, "success": success, "completion": completion}
    if seconds is not None:
        result["duration"] = f"PT{int(seconds)}S"
    return {key: value for key, value in result.items() if value is not None}


def statement_record(
    *, user, verb: str, kind: str, object_pk, object_name: str, course_id: int | None = None, result: dict | None = None
) -> Statement:
    """Store one statement about ``user`` (and have it forwarded when an LRS is set): one INSERT, in the caller's
    transaction (its forwarding is in the outbox, handed over once that commits)."""
    statement = Statement(
        actor=user,
        verb=verb,
        object_id=activity_id(kind, object_pk),
        object_name=(object_name or "")[:255],
        course_id=course_id,
        result=result or {},
    )
    data = {
        "id": str(statement.pk),
        "actor": _actor(user),
        "verb": {"id": verb, "display": {"en-US": Verb(verb).name.lower()}},
        "object": {
            "objectType": "Activity",
            "id": statement.object_id,
            "definition": {"type": ACTIVITY_TYPES[kind], "name": {"id-ID": statement.object_name}},
        },
        "timestamp": statement.timestamp.isoformat(),
    }
    if result:
        data["result"] = result
    if course_id is not None:
        data["context"] = {"contextActivities": {"grouping": [{"id": activity_id("course", course_id)}]}}
    statement.data = data
    # The trainee and the course come from the caller's own records, and the id is a fresh UUID: checking them again
    # would cost three queries on every lesson page.
    statement.full_clean(exclude=["actor", "course"], validate_unique=False, validate_constraints=False)
    statement.save(force_insert=True)
    if kompeten.XAPI_LRS_ENDPOINT:
        outbox_enqueue(task=xapi_statement_forward_task, kwargs={"statement_id": str(statement.pk)})
    return statement


def _lrs_put(statement: Statement) -> bool:
    """PUT the statement to the LRS under its own id (idempotent there too). True if the LRS holds it now."""
    url = f"{kompeten.XAPI_LRS_ENDPOINT.rstrip('/')}/statements?statementId={statement.pk}"
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
    if kompeten.XAPI_LRS_USERNAME:
        pair = f"{kompeten.XAPI_LRS_USERNAME}:{kompeten.XAPI_LRS_PASSWORD}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    if not url.startswith(("https://", "http://")):
        logger.warning("xapi: KOMPETEN_XAPI_LRS_ENDPOINT is not an http(s) address")
        return False
    body = json.dumps(statement.data).encode()
    request = urllib.request.Request(url, data=body, headers=headers, method="PUT")  # noqa: S310 - http(s) only
    try:
        with urllib.request.urlopen(request, timeout=kompeten.XAPI_LRS_TIMEOUT_SECONDS) as response:  # noqa: S310 - http(s) only
            return 200 <= response.status < 300
    except urllib.error.HTTPError as error:
        if error.code == 409:  # the LRS has a statement with this id already: sent before
            return True
        logger.warning("xapi: the LRS refused statement %s: HTTP %s", statement.pk, error.code)
        return False
    except (urllib.error.URLError, OSError, ValueError) as error:
        logger.warning("xapi: the LRS cannot be reached for statement %s: %s", statement.pk, error)
        return False


def statement_forward(*, statement_id: str) -> str:
    """Send one statement to the LRS unless it was sent: "sent", "already", "off" (no LRS), "unknown" or "failed"."""
    if not kompeten.XAPI_LRS_ENDPOINT:
        return "off"
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None:
        return "unknown"
    if statement.forwarded_at is not None:
        return "already"
    sent = _lrs_put(statement)
    update = {"forward_attempts": F("forward_attempts") + 1}
    if sent:
        update["forwarded_at"] = timezone.now()
    Statement.objects.filter(pk=statement.pk, forwarded_at__isnull=True).update(**update)
    return "sent" if sent else "failed"


def statements_forward_pending(*, limit: int = 500) -> dict:
    """Send the unsent statements, oldest first; stop at the first failure (the LRS is down). Idempotent."""
    done = {"sent": 0, "failed": 0}
    if not kompeten.XAPI_LRS_ENDPOINT:
        return done
    pending = Statement.objects.filter(forwarded_at__isnull=True).order_by("timestamp")
    for statement_id in pending.values_list("pk", flat=True)[:limit]:
        if statement_forward(statement_id=str(statement_id)) == "failed":
            done["failed"] += 1
            break
        done["sent"] += 1
    return done
