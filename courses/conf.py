"""Settings of the courses plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS = {
    # The template every plugin page extends; the host site's own layout.
    "BASE_TEMPLATE": "base.html",
    # Users of this group can be chosen as a course's or a batch's instructors.
    "INSTRUCTOR_GROUP": "Instructor",
    # The host's sign-up page (a URL name or path), offered beside "log in" to visitors of a course; "" for none.
    "SIGNUP_URL": "",
    # Extra conditions for completing a course, each a dotted path to ``f(enrolment) -> bool``
    # (the exam plugin adds "its exam is passed").
    "COMPLETION_REQUIREMENTS": [],
    # What a trainee does once a course's lessons are done, each a dotted path to
    # ``f(*, enrolments) -> dict[enrolment id, list[courses.selectors.NextStep]]`` reading all enrolments at once
    # (the exam plugin adds "take the exam" and "the competency test", the certificates plugin "your certificate").
    "NEXT_STEPS": [],
    # Creates (or finds) the account of a trainee enrolled from a CSV list: dotted path to
    # ``f(*, email: str, full_name: str) -> user``. The host site points it at its own user service.
    "TRAINEE_CREATE": "courses.services.trainee_get_or_create",
    # Enrolling a list of trainees from a CSV file: the most trainees, the largest file in bytes, and the longest
    # full name and e-mail address in characters (the account fields they go into).
    "CSV_MAX_ROWS": 2000,
    "CSV_MAX_BYTES": 2 * 1024 * 1024,
    "CSV_MAX_NAME_CHARS": 150,
    "CSV_MAX_EMAIL_CHARS": 150,
    # Private files (uploads, reports, certificates): the storage alias (settings.STORAGES) that keeps them out of
    # any public URL, and how the web server sends them after a view checked the permission: nginx's internal
    # location prefix for X-Accel-Redirect, or X-Sendfile; neither: Django streams them (development).
    "PRIVATE_STORAGE": "default",
    "PRIVATE_ACCEL_PREFIX": "",
    "PRIVATE_SENDFILE": False,
    # The task outbox (courses.outbox): a message handed to the broker but not done after this many seconds is handed
    # over again (the broker lost it), at most this many times in all; done messages are deleted after these days.
    "OUTBOX_RESEND_AFTER_SECONDS": 3600,
    "OUTBOX_MAX_PUBLISHES": 5,
    "OUTBOX_KEEP_DAYS": 2,
    # Public search: only the words of a query count (letters and digits; quotes, operators and control characters
    # are dropped), at most this many of them, each cut to this many characters.
    "SEARCH_MAX_WORDS": 8,
    "SEARCH_MAX_WORD_CHARS": 40,
    # The JSON API (every plugin's api/ package): the largest request body in bytes, the rate limits per signed-in
    # user, per OAuth client and per anonymous address ("<n>/<second|minute|hour|day>"), the page size of its lists,
    # and how long the answer to a write with an Idempotency-Key is kept to be replayed, in seconds.
    "API_MAX_BODY_BYTES": 64 * 1024,
    "API_RATES": {"user": "600/minute", "client": "1200/minute", "anon": "120/minute"},
    "API_PAGE_SIZE": 50,
    "API_IDEMPOTENCY_SECONDS": 24 * 3600,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
