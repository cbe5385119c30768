"""Interactive lesson blocks (issue #22, part 1): ungraded activities a trainee does inside a lesson — sort and match,
fill in the blanks, image hotspots, branching scenarios and flashcards — whose interactions are recorded on the
server (``models.Interaction``), reported per batch to the instructor, and may gate the lesson's completion.

Layers: ``views`` > ``services`` > ``selectors`` > ``models``, with ``blocks`` (the StreamField blocks, their
validation and their server-side scoring) and ``signals`` below everything. See docs/interactive-lessons.md.
"""
