"""The render task gives up after the configured number of retries (``KOMPETEN_RENDER_MAX_RETRIES``)."""

import pytest
from django.test import override_settings

from certificates.services import rendering
from certificates.tasks import rendering as render_tasks


@pytest.fixture
def storage_down(monkeypatch):
    """Every render meets a storage that does not answer (a fault outside the project); counts the tries."""
    tries = []

    def render(*, certificate_id):
        tries.append(certificate_id)
        raise OSError("storage unreachable")

    monkeypatch.setattr(rendering, "certificate_render", render)
    return tries


@pytest.fixture
def eager_failures_returned():
    """Eager Celery runs each retry at once; it returns the final failure instead of raising the first retry."""
    conf = render_tasks.certificate_render.app.conf
    before = conf.task_eager_propagates
    conf.task_eager_propagates = False
    yield
    conf.task_eager_propagates = before


@pytest.mark.parametrize("retries", [0, 2])
def test_the_render_task_retries_as_often_as_the_setting_says(storage_down, eager_failures_returned, retries):
    # Given a setting other than the default (5)
    with override_settings(KOMPETEN_RENDER_MAX_RETRIES=retries):
        # When the render keeps failing
        result = render_tasks.certificate_render.apply(kwargs={"certificate_id": 7}, throw=False)
    # Then it ran once and retried exactly that many times before it gave up with the fault
    assert storage_down == [7] * (retries + 1)
    assert result.failed()
    assert isinstance(result.result, OSError)
