"""The interactive blocks as they join the lesson body (``courses.blocks.LessonBodyBlock``): name -> block."""

from courses.interactive.blocks import BranchingBlock, FillBlanksBlock, FlashcardsBlock, HotspotsBlock, SortBlock
from courses.interactive.video import VideoQuizBlock

INTERACTIVE_BLOCKS = {
    "sort": SortBlock,
    "fill_blanks": FillBlanksBlock,
    "hotspots": HotspotsBlock,
    "branching": BranchingBlock,
    "flashcards": FlashcardsBlock,
    "interactive_video": VideoQuizBlock,
}
