"""The floor: the least a signed-in save can do — one row per (user, key), upserted."""

from django.conf import settings
from django.db import models


class FloorRow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.PositiveSmallIntegerField()
    seq = models.PositiveBigIntegerField(default=0)
    value = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="bench_floor_row_once")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"
