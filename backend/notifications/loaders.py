from __future__ import annotations

from backend.core.dataloaders import ByIdLoader
from backend.notifications.models import Notification


class NotificationByIdLoader(ByIdLoader[Notification]):
    model = Notification
