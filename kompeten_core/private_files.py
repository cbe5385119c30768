"""Private files: uploads, reports and certificates that only a permission-checked view may hand out.

They live in their own storage (``KOMPETEN_PRIVATE_STORAGE``, an alias of ``settings.STORAGES``; the host keeps it
outside ``MEDIA_ROOT`` so no web server serves it by URL) under random names. A view that has checked who asks
returns ``private_file_response``: in production the web server sends the bytes (nginx ``X-Accel-Redirect`` to an
``internal`` location when ``KOMPETEN_PRIVATE_ACCEL_PREFIX`` is set, or Apache/lighttpd ``X-Sendfile`` when
``KOMPETEN_PRIVATE_SENDFILE`` is true); in development Django streams them. In an object store (a storage that
signs its URLs: django-storages' S3Storage, where nothing is a public object) Django streams them, or, when
``KOMPETEN_PRIVATE_SIGNED_URL_SECONDS`` is above 0, redirects to a URL signed for that many seconds that asks the
store for the same headers. Always as an attachment unless the caller asks otherwise, never sniffed, never cached by
shared caches.
"""

from urllib.parse import quote

from django.core.files.storage import storages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.encoding import escape_uri_path

from kompeten_core.conf import settings as kompeten


def private_storage():
    """The storage for private files (used as a FileField's ``storage`` callable too)."""
    return storages[kompeten.PRIVATE_STORAGE]


def signs_urls(storage) -> bool:
    """Whether the storage is an object store handing out signed URLs (django-storages' S3Storage and its kin):
    the web server cannot reach its files by X-Accel-Redirect or X-Sendfile."""
    return bool(getattr(storage, "querystring_auth", False)) and hasattr(storage, "bucket_name")


def _disposition(filename: str, as_attachment: bool) -> str:
    kind = "attachment" if as_attachment else "inline"
    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "") or "file"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def private_file_response(
    *,
    name: str,
    filename: str,
    content_type: str = "application/octet-stream",
    as_attachment: bool = True,
    storage=None,
) -> HttpResponse:
    """Hand out one private file after the caller checked the permission. ``name`` is the storage name."""
    storage = storage or private_storage()
    prefix = kompeten.PRIVATE_ACCEL_PREFIX
    disposition = _disposition(filename, as_attachment)
    if signs_urls(storage):
        seconds = kompeten.PRIVATE_SIGNED_URL_SECONDS
        if seconds:
            url = storage.url(
                name,
                parameters={
                    "ResponseContentDisposition": disposition,
                    "ResponseContentType": content_type,
                    "ResponseCacheControl": "private, no-store",
                },
                expire=seconds,
            )
            response = HttpResponseRedirect(url)
        else:
            response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    elif prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + escape_uri_path(name)
    elif kompeten.PRIVATE_SENDFILE:
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = storage.path(name)
    else:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
