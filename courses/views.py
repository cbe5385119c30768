from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def track_list(request: HttpRequest) -> HttpResponse:
    """The tracks (kejuruan) on offer. The track pages arrive with the curriculum; until then, an empty state."""
    return render(request, "courses/track_list.html", {"tracks": []})
