"""The cluster test: what a multi-node installation must get right, each its own check (``make cluster-test``;
docs/deploy.md, "The cluster test"). The cluster is started once for the session (``conftest.py``)."""

import hashlib
import threading
import time

import psycopg
import pytest
import requests

from tests.cluster.browser import Browser

pytestmark = pytest.mark.cluster

A, B = 0, 1


def _query(cluster, sql: str, *params):
    with psycopg.connect(cluster.database_url.replace("postgres://", "postgresql://", 1)) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def trainee(cluster):
    """The first seeded trainee, signed in through nginx."""
    browser = Browser(cluster)
    browser.sign_in(cluster.world["usernames"][0], cluster.world["password"])
    return browser


def test_a_file_uploaded_through_node_a_is_served_by_node_b(cluster, trainee):
    # Given a trainee with an exam open, whose answer to question 1 is a file
    world = cluster.world
    content = b"%PDF-1.4 bukti dari node A\n"
    # When the file is uploaded through app node A
    answer = trainee.post(world["upload_urls"][0], node=A, files={"file-1": ("bukti.pdf", content)})
    assert answer.status_code == 302, answer.text[:2000]
    (file_id,) = [row[0] for row in _query(cluster, "SELECT id FROM assessments_responsefile")]
    # Then app node B, which has no copy on its own disk, hands it out (streamed or by a signed object-store URL)
    download = trainee.get(world["download_url"].format(id=file_id), node=B)
    if download.status_code == 302:
        download = trainee.http.get(download.headers["Location"], timeout=30)
    assert download.status_code == 200
    assert download.content == content
    assert not any((cluster.folder / "app-b" / "private").rglob("*.pdf"))


def test_a_signed_in_trainee_keeps_the_session_whichever_node_answers(cluster):
    # Given a trainee who signed in on app node A
    browser = Browser(cluster)
    browser.sign_in(cluster.world["usernames"][1], cluster.world["password"], node=A)
    # When their next pages are answered by node B, by node A, and by nginx's choice
    pages = [browser.get(cluster.world["profile_url"], node=node) for node in (B, A, None, None, B)]
    # Then every one is their own profile, not the sign-in page
    assert [page.status_code for page in pages] == [200] * 5
    assert all("peserta2@contoh.id" in page.text for page in pages)
    # And signing out on B signs them out on A too
    assert browser.post("/akun/keluar/", node=B).status_code in (200, 302)
    assert browser.get(cluster.world["profile_url"], node=A).status_code == 302


def test_a_published_lesson_is_fresh_on_both_nodes_at_once(cluster, trainee):
    # Given a lesson the trainee has read on both app nodes (its page and outline now cached in the shared Redis)
    url = cluster.world["lesson_url"]
    for node in (A, B, A, B):
        page = trainee.get(url, node=node)
        assert page.status_code == 200, page.text[:2000]
        assert "Isi pelajaran 1.1" in page.text
    # When an editor publishes a new revision of it (on another process: the nodes hear nothing of it but Redis)
    cluster.run("tests.cluster.seed", "publish", str(cluster.world["lesson"]), "Versi terbit kedua")
    # Then the very next request on either node shows the new text, and neither shows the old one again
    for node in (B, A, None):
        page = trainee.get(url, node=node)
        assert "Versi terbit kedua" in page.text
        assert "Isi pelajaran 1.1" not in page.text


def _rendered(cluster, certificate_id: int, timeout: float = 90.0) -> tuple[str, str]:
    """The certificate's serial and PDF hash once the worker has rendered it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = _query(
            cluster,
            "SELECT serial, pdf_sha256 FROM certificates_certificate WHERE id = %s AND rendered_at IS NOT NULL",
            certificate_id,
        )
        if rows:
            return rows[0]
        time.sleep(0.25)
    pytest.fail(f"the worker rendered no certificate in {timeout:.0f} s:\n{cluster.worker.text()[-3000:]}")


def test_a_certificate_rendered_by_the_worker_downloads_from_both_nodes_and_verifies(cluster, trainee):
    # Given a certificate issued to the trainee, rendered and signed by the worker node (seed.py issued it)
    world = cluster.world
    serial, sha256 = _rendered(cluster, world["certificate"])
    # When the trainee downloads it from app node A and from app node B
    copies = []
    for node in (A, B):
        download = trainee.get(world["certificate_url"], node=node)
        if download.status_code == 302:
            download = trainee.http.get(download.headers["Location"], timeout=30)
        assert download.status_code == 200, download.text[:2000]
        copies.append(download.content)
    # Then both are the same signed PDF the worker stored
    assert copies[0] == copies[1]
    assert copies[0].startswith(b"%PDF") and hashlib.sha256(copies[0]).hexdigest() == sha256
    # And anyone checking it on the public pages of either node is told it is valid and intact
    for node in (B, A):
        visitor = Browser(cluster)
        visitor.cookies["kompeten_language"] = "en"
        assert visitor.get(world["verify_pdf_url"], node=node).status_code == 200
        answer = visitor.post(world["verify_pdf_url"], node=node, files={"file": ("sertifikat.pdf", copies[0])})
        assert answer.status_code == 200, answer.text[:2000]
        assert 'data-match="yes"' in answer.text and 'data-signature="intact"' in answer.text
        assert serial in answer.text and "The certificate is valid." in answer.text
        page = visitor.get(world["verify_url"], node=node)
        assert page.status_code == 200 and serial in page.text


def _autosave_until_acknowledged(browser, url: str, position: int, seq: int, text: str) -> int:
    """One autosave as the exam page sends it: retried (same seq) until the site acknowledges it, as the page's own
    retry does after a failed request; returns how many tries it took."""
    body = {"position": position, "seq": seq, "answer": {"text": text}}
    for tries in range(1, 40):
        try:
            answer = browser.post(url, json=body)
        except requests.RequestException:
            time.sleep(0.1)
            continue
        if answer.status_code == 200:
            assert answer.json()["seq"] >= seq
            return tries
        assert answer.status_code in (502, 503, 504), (answer.status_code, answer.text[:500])
        time.sleep(0.1)
    pytest.fail(f"autosave {seq} of question {position} was never acknowledged")


def test_killing_app_node_a_mid_exam_loses_no_acknowledged_answer_and_the_trainee_goes_on_on_b(cluster):
    # Given a trainee in the middle of an exam, autosaving two answers through nginx as fast as they type
    world = cluster.world
    browser = Browser(cluster)
    browser.sign_in(world["usernames"][1], world["password"])
    save_url, attempt_url = world["save_urls"][1], world["attempt_urls"][1]
    assert browser.get(attempt_url).status_code == 200
    acknowledged: dict[int, list[int]] = {3: [], 5: []}
    retried = []

    def typist(position: int) -> None:
        own = Browser(cluster)
        own.cookies = dict(browser.cookies)
        for seq in range(1, 61):
            retried.append(_autosave_until_acknowledged(own, save_url, position, seq, f"jawaban {position}/{seq}"))
            acknowledged[position].append(seq)

    typists = [threading.Thread(target=typist, args=(position,)) for position in acknowledged]
    for thread in typists:
        thread.start()
    # When app node A is killed (SIGKILL: no request it holds is finished) while the answers are coming in
    wait_until_acknowledged = time.monotonic() + 60
    while min(len(seqs) for seqs in acknowledged.values()) < 15 and time.monotonic() < wait_until_acknowledged:
        time.sleep(0.02)
    cluster.nodes[A].kill()
    for thread in typists:
        thread.join(timeout=120)
    # Then every save was acknowledged, and the database holds the last acknowledged answer of each question
    assert acknowledged == {3: list(range(1, 61)), 5: list(range(1, 61))}
    print(f"cluster: {sum(retried) - len(retried)} autosave request(s) failed with node A and were sent again")
    rows = _query(
        cluster,
        "SELECT i.position, r.seq, r.answer FROM assessments_response r"
        " JOIN assessments_attemptitem i ON i.id = r.item_id WHERE i.attempt_id = %s AND i.position IN (3, 5)",
        world["attempts"][1],
    )
    assert sorted(rows) == [(3, 60, {"text": "jawaban 3/60"}), (5, 60, {"text": "jawaban 5/60"})]
    # And both nodes had answered saves (nginx balanced them until A died)
    assert "simpan" in cluster.nodes[A].text() and "simpan" in cluster.nodes[B].text()
    # And the trainee goes on on node B: the exam page shows the answers, and submitting works
    page = browser.get(attempt_url)
    assert page.status_code == 200 and "jawaban 5/60" in page.text
    assert browser.post(world["attempt_urls"][1] + "kumpulkan/", data={}).status_code == 302
    (state,) = _query(cluster, "SELECT state FROM assessments_attempt WHERE id = %s", world["attempts"][1])[0]
    assert state in ("submitted", "graded")


def _bulk_state(cluster, batch_id: int) -> dict:
    (certificates, holders, rendered), *_ = _query(
        cluster,
        "SELECT count(*), count(DISTINCT holder_id), count(*) FILTER (WHERE pdf <> '' AND pdf_sha256 <> '')"
        " FROM certificates_certificate WHERE kind = 'training'"
        " AND holder_id IN (SELECT user_id FROM courses_enrolment WHERE batch_id = %s)",
        batch_id,
    )
    done = _query(cluster, "SELECT 1 FROM certificates_issuerun WHERE batch_id = %s AND status = 'done'", batch_id)
    return {"certificates": certificates, "holders": holders, "rendered": rendered, "done": bool(done)}


def test_restarting_the_worker_in_a_bulk_issue_loses_and_duplicates_nothing(cluster):
    # Given a bulk issue of a batch's certificates started on the worker node
    world = cluster.world
    batch, count = world["bulk_batch"], world["bulk_trainees"]
    cluster.run("tests.cluster.seed", "bulk_start", str(batch))
    deadline = time.monotonic() + 120
    while (state := _bulk_state(cluster, batch))["certificates"] < count // 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    # When the worker is restarted (systemctl restart) a third of the way through
    cluster.restart_worker()
    restarted_at = state
    # Then the restarted worker finishes the run: every trainee holds exactly one rendered certificate
    while not ((state := _bulk_state(cluster, batch))["done"] and state["rendered"] >= count):
        if time.monotonic() > deadline:
            break
        time.sleep(0.25)
    print(f"cluster: worker restarted at {restarted_at}; after: {state}")
    assert 0 < restarted_at["certificates"] < count, "the restart did not fall in the middle of the run"
    assert state == {"certificates": count, "holders": count, "rendered": count, "done": True}
