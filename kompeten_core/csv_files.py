"""Reading an uploaded CSV file the one way every import does (trainee lists, labour-market demand).

Only the delimiter is guessed (comma, semicolon or tab: a spreadsheet saved in Indonesian uses semicolons); quoting
is always the spreadsheet's (``""`` inside quotes) and strict, so that a stray quote is an error rather than a guess
that swallows the rest of the file. Each record comes with the line it starts on, for messages that name it.
"""

import csv
import io
from collections.abc import Iterator


class CsvMalformed(ValueError):
    """The text is not valid CSV at ``line``; ``problem`` is the reader's own (English) reason, for the caller's
    translated message."""

    def __init__(self, *, line: int, problem: str):
        super().__init__(f"line {line}: {problem}")
        self.line, self.problem = line, problem


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` for each record of ``text`` (already decoded); raises ``CsvMalformed`` where it breaks."""
    try:
        delimiter = csv.Sniffer().sniff(text[:2048], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter, strict=True)
    previous = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvMalformed(line=previous + 1, problem=str(error)) from error
        yield previous + 1, record
        previous = reader.line_num
