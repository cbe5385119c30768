"""The task outbox: work asked for inside a transaction is stored with it and reaches the broker even if the broker
(Redis) was down at that moment.

``outbox_enqueue`` writes an ``OutboxMessage`` row in the caller's transaction. Once it commits, the row is handed
to the broker at once (no noticeable delay while the broker is up) and marked sent. When the broker cannot be
reached the row stays unsent and ``outbox_relay`` (the beat task ``courses.tasks.outbox_relay``, every minute)
hands it over once the broker is back. A message sent but never done (the broker lost it) is handed over again
after ``OUTBOX_RESEND_AFTER_SECONDS``, at most ``OUTBOX_MAX_PUBLISHES`` times.

The broker receives ``courses.tasks.outbox_deliver`` with the row's id; ``outbox_deliver`` runs the stored task in
this process and marks the row done in the same transaction, under a row lock, so a message delivered twice does
its work once. A task declared with ``outbox_forward=True`` (long work such as a bulk run, whose progress must be
seen while it runs) is instead handed on to the broker as itself from there, and must be idempotent on its own
record.
"""

import datetime
import logging
import uuid

from celery import Task, current_app
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from courses.models import OutboxMessage
from courses.tasks import outbox_deliver as outbox_deliver_task
from kompeten_core.conf import settings as kompeten

logger = logging.getLogger(__name__)


def outbox_enqueue(*, task: Task, kwargs: dict) -> OutboxMessage:
    """Store ``task(**kwargs)`` in the current transaction; it is handed to the broker once the transaction commits.

    ``kwargs`` must be JSON values (ids, strings), never model instances."""
    message = OutboxMessage.objects.create(task_name=task.name, kwargs=kwargs)
    transaction.on_commit(lambda: outbox_publish(message_id=message.pk))
    return message


def outbox_publish(*, message_id: uuid.UUID) -> bool:
    """Hand one message to the broker now. False when the broker cannot be reached: the row waits for the relay."""
    kwargs = {"message_id": str(message_id)}
    try:
        if current_app.conf.task_always_eager:  # no broker (the embedded default): the task runs here, now
            outbox_deliver_task.apply_async(kwargs=kwargs, task_id=str(message_id))
        else:
            # One attempt, no retry loop: a broker that is down must not hold up the request that committed the work.
            with current_app.connection_for_write(transport_options={"max_retries": 0}) as connection:
                outbox_deliver_task.apply_async(
                    kwargs=kwargs, task_id=str(message_id), connection=connection, retry=False
                )
    except OperationalError as error:
        logger.warning("outbox: broker unreachable, message %s waits for the relay (%s)", message_id, error)
        return False
    OutboxMessage.objects.filter(pk=message_id).update(sent_at=timezone.now(), publish_count=F("publish_count") + 1)
    return True


def outbox_relay(*, now: datetime.datetime | None = None, limit: int = 500) -> dict:
    """Hand to the broker the messages it has not taken, oldest first; stop at the first failure. Idempotent.

    Also deletes messages done more than ``OUTBOX_KEEP_DAYS`` ago. Returns what it did."""
    now = now or timezone.now()
    resend_before = now - datetime.timedelta(seconds=kompeten.OUTBOX_RESEND_AFTER_SECONDS)
    # Not yet sent (the broker was down, or the on-commit publish is still on its way: a second copy is harmless),
    # or sent long ago and still not done (lost by the broker), a bounded number of times.
    waiting = OutboxMessage.objects.filter(processed_at__isnull=True).filter(
        Q(sent_at__isnull=True) | Q(sent_at__lt=resend_before, publish_count__lt=kompeten.OUTBOX_MAX_PUBLISHES)
    )
    done = {"published": 0, "failed": 0, "deleted": 0}
    for message_id in waiting.order_by("created_at").values_list("pk", flat=True)[:limit]:
        if not outbox_publish(message_id=message_id):
            done["failed"] += 1
            break
        done["published"] += 1
    keep_after = now - datetime.timedelta(days=kompeten.OUTBOX_KEEP_DAYS)
    done["deleted"], _by_model = OutboxMessage.objects.filter(processed_at__lt=keep_after).delete()
    if done["published"] or done["failed"]:
        logger.warning("outbox relayed: %s", done)
    return done


def outbox_deliver(*, message_id: str) -> bool:
    """Run the message's task here, once: True if it ran now, False if it was done before (or is unknown)."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id, processed_at__isnull=True).first()
        if message is None:
            return False
        task = current_app.tasks[message.task_name]
        if getattr(task, "outbox_forward", False):
            # Long work (a bulk run) is handed on to its own task through the broker, not run under this row lock;
            # that task is idempotent on its own record. A refused hand-over rolls back: the row stays not done.
            task.apply_async(kwargs=message.kwargs, retry=False)
        else:
            # Called, not sent: the task's own code runs in this process; an error rolls back and the deliver task
            # retries (the row stays not done).
            task(**message.kwargs)
        message.processed_at = timezone.now()
        message.save(update_fields=["processed_at"])
    return True
