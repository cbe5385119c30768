"""SCORM 1.2 and 2004 packages in a lesson: upload and checks, private files, the runtime's CMI data on the server.

See docs/scorm-xapi.md. Registered with Django by the import line at the end of ``courses/models.py``."""
