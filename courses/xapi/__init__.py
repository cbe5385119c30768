"""xAPI statements: what trainees did (lessons viewed, SCORM results, exams submitted, certificates issued), stored here
and optionally forwarded to an external Learning Record Store. The plugins above emit theirs through
``courses.xapi.services.statement_record``. See docs/scorm-xapi.md."""
