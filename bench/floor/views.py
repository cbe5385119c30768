"""The floor view: authenticated, CSRF-checked, one JSON body in, one row upserted, JSON out.

The upsert is one UPDATE once the row exists (an INSERT ... ON CONFLICT the first time), in autocommit: the least
any save of one answer by a signed-in user can cost.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from bench.floor.models import FloorRow


@require_POST
@login_required
def floor_save(request: HttpRequest) -> JsonResponse:
    try:
        payload = json.loads(request.body)
        key, seq, value = int(payload["key"]), int(payload["seq"]), str(payload["value"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "malformed"}, status=400)
    if not FloorRow.objects.filter(user_id=request.user.pk, key=key).update(seq=seq, value=value):
        FloorRow.objects.bulk_create(
            [FloorRow(user_id=request.user.pk, key=key, seq=seq, value=value)],
            update_conflicts=True,
            unique_fields=["user", "key"],
            update_fields=["seq", "value"],
        )
    return JsonResponse({"saved": True, "seq": seq})
