import pytest
from celery import current_app

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_part_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] in {"ok", "eager"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.fixture
def dead_broker(monkeypatch):
    """Point Celery at a Redis port where nothing listens (a real, refused connection)."""
    dead = "redis://127.0.0.1:1/0"
    monkeypatch.setenv("CELERY_BROKER_URL", dead)  # Celery reads this variable before its own setting
    conf = current_app.conf
    saved = conf.broker_url, conf.task_always_eager
    conf.broker_url, conf.task_always_eager = dead, False
    yield
    conf.broker_url, conf.task_always_eager = saved


def test_healthz_answers_503_when_the_broker_is_down(client, dead_broker):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["broker"].startswith("error")
    assert body["checks"]["database"] == "ok"
