"""Registration for a batch (pendaftaran) and selection (seleksi): applications with their documents, the selection
plan, the ranking, the published result and the waiting list. See docs/training-cycle.md."""
