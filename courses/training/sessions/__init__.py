"""Sessions and attendance of a batch: the timetable, the calendar and its ICS feed, the roster and QR check-in
(docs/training-cycle.md, "Sessions and attendance")."""
