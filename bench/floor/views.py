"""The floor views. ``floor_save``: authenticated, CSRF-checked, one JSON body in, one row upserted, JSON out.

The upsert is one UPDATE once the row exists (an INSERT ... ON CONFLICT the first time), in autocommit: the least
any save of one answer by a signed-in user can cost. ``floor_page``: a fixed page, the least any page view can cost.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_POST

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


#: The floor page: about the size of a lesson page's HTML (12 KB), made once.
_FLOOR_PAGE = (
    "<!DOCTYPE html><html lang=id><head><meta charset=utf-8><title>Lantai · Kompeten</title></head><body><main>"
    + "".join(f"<p>Paragraf {n} dari halaman lantai: teks tetap tanpa basis data.</p>" for n in range(170))
    + "</main></body></html>"
).encode()


@require_GET
def floor_page(request: HttpRequest) -> HttpResponse:
    """The floor of a page view: a fixed page of a lesson page's size, no database, no session, no template."""
    return HttpResponse(_FLOOR_PAGE, content_type="text/html; charset=utf-8")
