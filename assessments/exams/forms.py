"""Turn the attempt page's form fields into answer payloads — the same payloads the page's script autosaves as
JSON, so the exam works without JavaScript too (answers are then saved when the form is posted)."""

from typing import Any


def answer_from_post(*, public: dict, position: int, post) -> dict[str, Any] | None:
    """The answer payload for one item from a POSTed form, or None when the form holds nothing for it."""
    name = f"q{position}"
    kind = public["type"]
    if kind == "single":
        return {"choice": post.get(name) or None} if name in post else None
    if kind == "multiple":
        return {"choices": post.getlist(name)} if f"{name}-present" in post else None
    if kind == "truefalse":
        if name not in post:
            return None
        return {"value": {"true": True, "false": False}.get(post.get(name))}
    if kind in ("short", "essay"):
        return {"text": post.get(name, "")} if name in post else None
    if kind == "numeric":
        return {"value": post.get(name) or None} if name in post else None
    if kind == "matching":
        names = {item["key"]: f"{name}-{item['key']}" for item in public["items"]}
        if not any(field in post for field in names.values()):
            return None
        return {"pairs": {key: post.get(field) or None for key, field in names.items()}}
    if kind == "ordering":
        fields = {item["key"]: post.get(f"{name}-{item['key']}", "").strip() for item in public["items"]}
        if not any(fields.values()):
            return None
        try:
            places = {key: int(value) for key, value in fields.items()}
        except ValueError:
            return {"order": []}
        if sorted(places.values()) != list(range(1, len(places) + 1)):
            return {"order": []}  # incomplete, or two items in one place: no answer yet
        return {"order": sorted(places, key=places.get)}
    return None
