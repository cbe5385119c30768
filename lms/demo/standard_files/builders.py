"""Builders for the demo standards in the file format of ``docs/standards-format.md``."""


def critical(text: str) -> tuple[str, bool]:
    """A critical criterion (aspek kritis)."""
    return (text, True)


def unit(code: str, title: str, *, description: str, range_statement: str, guide: str, elements: list) -> dict:
    """A unit in the file format; elements are (title, [criterion text or critical(text), ...]), numbered here."""
    numbered = []
    for number, (element_title, criteria) in enumerate(elements, start=1):
        items = []
        for position, criterion in enumerate(criteria, start=1):
            text, is_critical = criterion if isinstance(criterion, tuple) else (criterion, False)
            items.append(
                {"number": f"{number}.{position}", "text": text, **({"critical": True} if is_critical else {})}
            )
        numbered.append({"number": number, "title": element_title, "criteria": items})
    return {
        "code": code,
        "title": title,
        "version": code.rsplit(".", 1)[-1],
        "description": description,
        "range_statement": range_statement,
        "assessment_guide": guide,
        "elements": numbered,
    }
