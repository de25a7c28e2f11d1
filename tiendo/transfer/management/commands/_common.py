import sys

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from tiendo.orgs.access import system_user


def actor_for(username: str | None):
    if not username:
        return system_user()
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"Không có người dùng “{username}” (no such user).", returncode=2)
    return user


class StderrBar:
    """A text progress bar on stderr: [#####.....] 4.200/10.000 dòng."""

    def __init__(self, stream=None, width: int = 30):
        self.stream, self.width = stream or sys.stderr, width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] "
                          f"{done}/{total} dòng (rows)")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
