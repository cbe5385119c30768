"""The one settings object of the Kompeten plugins: ``settings.<NAME>`` reads ``KOMPETEN_<NAME>`` from the Django
settings, or the default below.

Read at call time (never at import), so ``override_settings`` works and a host site may change a value without a
restart of anything but its own processes::

    from kompeten_core.conf import settings as kompeten

    if upload.size > kompeten.CSV_MAX_BYTES: ...

Every limit and switch a plugin has lives here, once, with its default and what it means: a form, a view, a service
or a task reads it here and never keeps a second constant beside it. ``docs/settings.md`` lists them as a table; a
test checks that the two agree. To add one: a default with its comment in ``DEFAULTS`` (under its plugin), a row in
``docs/settings.md``, and read it as ``kompeten.<NAME>`` where it is used.
"""

from typing import Any

from django.conf import settings as django_settings

DEFAULTS: dict[str, Any] = {
    # --- every plugin --------------------------------------------------------------------------------------------
    # The template every plugin page extends; the host site's own layout.
    "BASE_TEMPLATE": "base.html",
    # Private files (uploads, reports, certificates): the storage alias (settings.STORAGES) that keeps them out of
    # any public URL, and how the web server sends them after a view checked the permission: nginx's internal
    # location prefix for X-Accel-Redirect, or X-Sendfile; neither: Django streams them (development).
    "PRIVATE_STORAGE": "default",
    "PRIVATE_ACCEL_PREFIX": "",
    "PRIVATE_SENDFILE": False,
    # Private files in an object store (a storage that signs its URLs, such as django-storages' S3Storage): 0 streams
    # them through the permission-checked view; N > 0 redirects to a signed URL valid N seconds instead, asking the
    # store to send it as an attachment (the web server's X-Accel/X-Sendfile reach local folders only).
    "PRIVATE_SIGNED_URL_SECONDS": 0,
    # How deep the lists and objects of any JSON request body may nest (an autosave needs 3 levels, a checklist 3).
    "JSON_MAX_DEPTH": 20,
    # Importing a file stops listing problems after this many (the file is refused as a whole anyway).
    "IMPORT_MAX_PROBLEMS": 200,
    # --- courses -------------------------------------------------------------------------------------------------
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
    # The task outbox (courses.outbox): a message handed to the broker but not done after this many seconds is handed
    # over again (the broker lost it), at most this many times in all; done messages are deleted after these days.
    "OUTBOX_RESEND_AFTER_SECONDS": 3600,
    "OUTBOX_MAX_PUBLISHES": 5,
    "OUTBOX_KEEP_DAYS": 2,
    # Longest time in seconds a page's route, a course's outline and navigation, a lesson's rendered body and an
    # anonymous visitor's public page are kept in the cache; saving, publishing, unpublishing, moving or deleting a
    # page, or changing a view restriction, makes the next request read them afresh at once anyway.
    "PAGE_CACHE_SECONDS": 3600,
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
    # Registration for a batch (courses.training.registration): the largest document (identity card, diploma: PDF,
    # JPEG or PNG by their content) in bytes, and the longest free text (disability, interview notes) in characters.
    "REGISTRATION_DOCUMENT_MAX_BYTES": 5 * 1024 * 1024,
    "REGISTRATION_TEXT_MAX_CHARS": 2000,
    # The selection test's scores: dotted path to ``f(*, exam_id: int, user_ids: list[int]) -> dict[user id, score]``
    # giving each applicant's best score 0-100 on that exam (absent: not sat), raising LookupError when the page is
    # not an exam; "" when no plugin offers exams (a plan then has no test). The exam plugin plugs it in.
    "SELECTION_TEST_SCORES": "",
    # Sessions and attendance (courses.training.sessions): how long a QR check-in code shows before the next one,
    # in seconds (held within 30-60; a code is accepted during its own slot and the next); how many minutes before
    # a session starts and after it ends a trainee may still check in; the least attendance, in percent of the JP of
    # the sessions held so far, that completing a course asks for (a batch without sessions asks for none).
    "ATTENDANCE_QR_SECONDS": 45,
    "ATTENDANCE_CHECKIN_TOLERANCE_MINUTES": 15,
    "ATTENDANCE_MIN_PERCENT": 80,
    # BPJS Ketenagakerjaan coverage (courses.training.coverage): practice sessions (QR check-in, "hadir" on the
    # roster) and practical or observation evidence refuse a trainee without JKK and JKM coverage on that day.
    "BPJS_COVERAGE_REQUIRED": True,
    # K3 induction (courses.training.safety): how many days a completed K3 induction course counts before a workshop's
    # practice (12 months; a workshop's induction may set its own).
    "K3_INDUCTION_VALID_DAYS": 365,
    # A lesson visit: opening the lesson a trainee already had open, within this many seconds of their last activity,
    # is the same visit (a reload on a weak connection, a phone waking up): neither the visit nor its xAPI
    # "experienced" statement is written again.
    "LESSON_VISIT_WINDOW_SECONDS": 30 * 60,
    # SCORM packages (courses.scorm): the largest ZIP uploaded, in bytes; the most bytes it may unpack to; the most
    # files it may hold; the highest ratio of unpacked to packed bytes (a zip bomb is refused); the largest
    # imsmanifest.xml, in bytes; how long the signed address of a package's files stays valid, in seconds (a trainee's
    # frame is reloaded with a fresh one); the longest suspend data a package may store, in characters; the largest
    # runtime commit (JSON), in bytes.
    "SCORM_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    "SCORM_MAX_UNPACKED_BYTES": 200 * 1024 * 1024,
    "SCORM_MAX_FILES": 2000,
    "SCORM_MAX_RATIO": 50,
    "SCORM_MAX_MANIFEST_BYTES": 512 * 1024,
    "SCORM_FILE_TOKEN_SECONDS": 8 * 3600,
    "SCORM_SUSPEND_DATA_MAX_CHARS": 64000,
    "SCORM_MAX_COMMIT_BYTES": 256 * 1024,
    # xAPI statements (courses.xapi): the external Learning Record Store they are forwarded to (its base URL, ending
    # before ``statements``; "" keeps them here only), its Basic credentials, the seconds one request may take, and
    # how many times the forwarding task retries an LRS that is down before the beat task picks the statement up
    # again (nothing is lost: a statement stays unsent until the LRS accepts it).
    "XAPI_LRS_ENDPOINT": "",
    "XAPI_LRS_USERNAME": "",
    "XAPI_LRS_PASSWORD": "",
    "XAPI_LRS_TIMEOUT_SECONDS": 10,
    "XAPI_LRS_MAX_RETRIES": 5,
    # --- assessments ---------------------------------------------------------------------------------------------
    # Who may become a candidate of an event, each a dotted path to ``f(*, event, user_ids) -> dict[user id,
    # message]`` naming the people refused (the certificates plugin adds the issuer's scope: an LSP P1 certifies
    # only people who trained at its own institution).
    "CANDIDACY_SCOPE_CHECKS": [],
    # Seconds after the deadline during which an answer sent before it may still arrive (network delay).
    "ATTEMPT_GRACE_SECONDS": 30,
    # Largest answer accepted, in bytes of its JSON: the autosave request body and the answer the question types
    # parse. Room for the longest essay (20,000 characters) written in four-byte characters.
    "ANSWER_MAX_BYTES": 128 * 1024,
    # Largest observation checklist body (JSON) accepted, in bytes.
    "CHECKLIST_MAX_BYTES": 200_000,
    # Importing questions (GIFT, Moodle XML): the largest file in bytes, the most questions in one file, the most
    # answers, pairs, items or tags of one question, and how deep the elements of a Moodle XML file may nest.
    "QUESTION_IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    "QUESTION_IMPORT_MAX_QUESTIONS": 2000,
    "QUESTION_IMPORT_MAX_OPTIONS": 100,
    "QUESTION_IMPORT_MAX_XML_DEPTH": 64,
    # Importing a competency standard (YAML, CSV): the largest file in bytes, the most data rows of a CSV file, and
    # how deep the lists and mappings of a YAML file may nest and how many values (keys, texts, items) it may hold
    # (the YAML reader is pure Python, some 50 µs a value: this bounds the time an upload takes); seconds within
    # which a checked file may be imported.
    "STANDARD_IMPORT_MAX_BYTES": 2 * 1024 * 1024,
    "STANDARD_IMPORT_MAX_ROWS": 20_000,
    "STANDARD_IMPORT_MAX_YAML_DEPTH": 20,
    "STANDARD_IMPORT_MAX_YAML_NODES": 100_000,
    "STANDARD_IMPORT_MAX_AGE_SECONDS": 60 * 60,
    # Importing a competency standard: the most units of one standard, and elements and criteria in all (bounds the
    # rows one import writes and the size of the standard's tree page; the largest SKKNI has some 120 units).
    "STANDARD_IMPORT_MAX_UNITS": 500,
    "STANDARD_IMPORT_MAX_ELEMENTS": 5_000,
    "STANDARD_IMPORT_MAX_CRITERIA": 20_000,
    # How many days before an assessment event's first day its assessors may record evidence, verdicts and sign off
    # (0: from the first day on; the event's dates are the agreed time of FR.AK.01).
    "ASSESSMENT_DAYS_BEFORE_EVENT": 0,
    # The largest document of an application for certification (FR.APL.01: identity card, diploma, certificates,
    # references, portfolio: PDF, JPEG or PNG by their content), in bytes.
    "APPLICATION_DOCUMENT_MAX_BYTES": 5 * 1024 * 1024,
    # How many days after the certification committee's decision the candidate may file an appeal (banding,
    # FR.AK.04); a later appeal is refused.
    "APPEAL_DAYS": 14,
    # The class that re-authenticates an assessor before they sign off or countersign (see
    # assessments.competency.reauthentication): the default asks for the password.
    "REAUTHENTICATOR": "assessments.competency.reauthentication.PasswordReauthenticator",
    # The longest secret (password, one-time code) a re-authentication reads, in characters.
    "REAUTHENTICATION_SECRET_MAX_CHARS": 256,
    # Evidence of a competency assessment: the longest text of one field (an answer, an observation, a
    # question) and of a note, and of the decision's rationale, gap, follow-up and justification, in characters;
    # the most oral questions of one unit.
    "EVIDENCE_TEXT_MAX_CHARS": 2000,
    "EVIDENCE_NOTE_MAX_CHARS": 10_000,
    "DECISION_TEXT_MAX_CHARS": 10_000,
    "ORAL_MAX_QUESTIONS": 10,
    # A candidate's portfolio and project (FR.IA.04) files: the largest file in bytes, the most files in one save, the
    # longest kept file name.
    "PORTFOLIO_MAX_BYTES": 10 * 1024 * 1024,
    "PORTFOLIO_MAX_FILES_PER_SAVE": 10,
    "PORTFOLIO_NAME_MAX_CHARS": 200,
    # Days the supervisor's link of a third-party verification (FR.IA.10) stays valid.
    "THIRD_PARTY_LINK_DAYS": 14,
    # The longest feedback, in characters: the candidate's on the assessment (FR.AK.03), and an assessor's on a
    # graded essay or file answer.
    "CANDIDATE_FEEDBACK_MAX_CHARS": 5000,
    "GRADING_FEEDBACK_MAX_CHARS": 10_000,
    # --- certificates --------------------------------------------------------------------------------------------
    # Longest verification code or serial number accepted from the public look-up form.
    "VERIFY_CODE_MAX_LENGTH": 64,
    # Folder holding each issuer's private keys (<folder>/<ISSUER CODE>/...). Environment variables
    # KOMPETEN_KEY_<CODE>_ED25519, _SIGNING_KEY and _SIGNING_CERT (PEM text) take precedence over files.
    "CERTIFICATE_KEYS_DIR": None,
    # Public address of the site, used in QR codes, credentials and the did:web identity. Defaults to
    # WAGTAILADMIN_BASE_URL (see ``public_base_url()``).
    "PUBLIC_BASE_URL": None,
    # Storage alias (settings.STORAGES) that keeps PDFs and ZIPs, never served by a public URL; by default the
    # private storage (PRIVATE_STORAGE).
    "CERTIFICATE_STORAGE": None,
    # Public look-ups (by code or serial) and PDF checks per client (a cookie; clients without one share one
    # window per address) and window (count, seconds), and per address for everyone behind it (a carrier's or an
    # office's shared address): see kompeten_core.ratelimit.
    "LOOKUP_RATE": (30, 600),
    "PDF_CHECK_RATE": (10, 600),
    "LOOKUP_ADDRESS_RATE": (600, 600),
    "PDF_CHECK_ADDRESS_RATE": (150, 600),
    # Largest PDF accepted by the public "check a file" form, in bytes.
    "PDF_CHECK_MAX_BYTES": 10 * 1024 * 1024,
    # Length of each issuer's Bitstring Status List (at least 131,072 so an index says nothing about a person).
    "STATUS_LIST_SIZE": 131072,
    # Longest time in seconds a certificate's signed credential.json is kept in the cache; a revocation, a correction
    # or a key rotation makes the next request sign it afresh at once anyway.
    "CREDENTIAL_CACHE_SECONDS": 24 * 60 * 60,
    # Retries of the render task before it gives up (with exponential back-off).
    "RENDER_MAX_RETRIES": 5,
    # --- placement -----------------------------------------------------------------------------------------------
    # The regency whose residents are "local" (BPS code, 4 digits): Kabupaten Batang, Central Java.
    "LOCAL_REGENCY_CODE": "3325",
    # Rank local residents first among equally qualified job seekers ("so that locals are not mere spectators").
    "LOCAL_PRIORITY": True,
    # Longest time in seconds a vacancy's ranking of job seekers is kept in the cache; a certificate issued, corrected
    # or revoked, or a profile or consent changed, makes the next read compute it afresh at once anyway.
    "MATCH_CACHE_SECONDS": 300,
    # The regency minimum wage (UMK) in rupiah per month, shown beside a vacancy's wage range.
    "REGIONAL_MINIMUM_WAGE": 2_550_000,
    # The version of the consent text a job seeker agrees to; raise it when the text changes (consent is asked again).
    "CONSENT_VERSION": "2026-12",
    # Longest CV text in characters.
    "CV_TEXT_MAX_CHARS": 4000,
    # Largest CV file (PDF only) a job seeker may upload, in bytes.
    "CV_FILE_MAX_BYTES": 2 * 1024 * 1024,
    # Largest demand import (CSV or XLSX) and its most rows.
    "DEMAND_IMPORT_MAX_BYTES": 1024 * 1024,
    "DEMAND_IMPORT_MAX_ROWS": 2000,
    # Months after a batch ends when a tracer survey goes out, days a survey link stays valid, and days after which
    # one reminder goes to those who have not answered.
    "TRACER_MONTHS": (3, 6, 12),
    "TRACER_LINK_DAYS": 60,
    "TRACER_REMINDER_DAYS": 14,
    # A placement counts towards the placement rate when it starts within this many months of the batch's end.
    "PLACEMENT_RATE_MONTHS": 6,
    # The group (role) a user joins when they register an employer or are added to one; the host's roles sync keeps
    # its permissions. A setting, because placement never imports the host site.
    "EMPLOYER_GROUP": "Employer",
}


class KompetenSettings:
    """Attribute access to the settings above: ``settings.CSV_MAX_BYTES`` is ``KOMPETEN_CSV_MAX_BYTES`` or its
    default, read from Django's settings each time. An unknown name is an ``AttributeError`` (a typo never reads
    ``None``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            default = DEFAULTS[name]
        except KeyError:
            raise AttributeError(f"No Kompeten setting {name!r} (see kompeten_core.conf.DEFAULTS)") from None
        return getattr(django_settings, f"KOMPETEN_{name}", default)

    def __dir__(self):
        return sorted(DEFAULTS)


settings = KompetenSettings()


def public_base_url() -> str:
    """The site's public address without a trailing slash: PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL."""
    return (
        settings.PUBLIC_BASE_URL or getattr(django_settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost"
    ).rstrip("/")
