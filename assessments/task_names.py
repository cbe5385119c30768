"""The names of the plugin's Celery tasks (the names the beat schedule and the outbox know them by).

One direction only: ``assessments.tasks`` imports the services it runs, at the top; a service that enqueues a task
asks Celery's registry for it by one of these names (``current_app.tasks[name]``) and never imports the tasks
module. ``AssessmentsConfig.ready`` imports the tasks, so every process has them registered."""

ATTEMPTS_CLOSE_EXPIRED = "assessments.tasks.attempts_close_expired"
NOTIFICATION_EMAIL_SEND = "assessments.tasks.notification_email_send"
EVENT_REPORT_RENDER = "assessments.tasks.event_report_render"
