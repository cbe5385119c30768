"""Count lost answers from the database: for each (attempt or trainee, question) the client saw acknowledged, the
stored answer must be the newest acknowledged one (a stored answer with a higher sequence number is newer, not
lost). For ``attendance``: each (trainee, session) whose check-in was acknowledged must be stored as present
(hadir). Run by bench/run.py as ``python -m bench.dbcheck autosave|floor|attendance ACKED.json...``; prints one
JSON line."""

import json
import sys

import django


def main() -> None:
    target, paths = sys.argv[1], sys.argv[2:]
    acked: dict[tuple[int, int], tuple[int, str]] = {}
    for path in paths:
        with open(path) as handle:
            for key, (seq, text) in json.load(handle)["acked"].items():
                owner, position = (int(part) for part in key.split(":"))
                if (owner, position) not in acked or acked[(owner, position)][0] < seq:
                    acked[(owner, position)] = (seq, text)
    django.setup()
    owners = {owner for owner, _position in acked}
    if target == "attendance":
        from courses.training.sessions.models import Attendance

        rows = Attendance.objects.filter(enrolment__user_id__in=owners, status=Attendance.Status.PRESENT)
        stored = dict.fromkeys(rows.values_list("enrolment__user_id", "session_id"), (1, "hadir"))
    elif target == "floor":
        from bench.floor.models import FloorRow

        rows = FloorRow.objects.filter(user_id__in=owners).values_list("user_id", "key", "seq", "value")
        stored = {(owner, key): (seq, value) for owner, key, seq, value in rows}
    else:
        from assessments.models import Response

        rows = Response.objects.filter(item__attempt_id__in=owners).values_list(
            "item__attempt_id", "item__position", "seq", "answer"
        )
        stored = {(owner, position): (seq, (answer or {}).get("text")) for owner, position, seq, answer in rows}
    lost = 0
    for key, (seq, text) in acked.items():
        stored_seq, stored_text = stored.get(key, (0, None))
        if stored_seq < seq or (stored_seq == seq and stored_text != text):
            lost += 1
    print(json.dumps({"checked": len(acked), "lost_answers": lost}))


if __name__ == "__main__":
    main()
