"""The shared bottom layer of the Kompeten plugins: settings, audit trail, private files, uploads, exports, rate
limits, the CSV reader and the confirm-then-POST admin view. It imports no plugin; every plugin may import it."""
