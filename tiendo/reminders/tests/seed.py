"""Fill a database for the worker-process tests: `python -m tiendo.reminders.tests.seed N`
makes N units under one province, each with a focal point and a task due on 30/06/2026."""

import os
import sys


def main(n: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiendo.settings")
    import django

    django.setup()
    from datetime import date

    from tiendo.testing import make_task, make_unit, make_user

    province = make_unit("tinh", name="UBND tỉnh", kind="province")
    for i in range(n):
        unit = make_unit(f"so-{i:03d}", name=f"Sở {i:03d}", parent=province)
        make_user(f"focal{i:03d}", unit=unit, role="focal")
        make_task(f"Nhiệm vụ {i:03d}", unit, deadline=date(2026, 6, 30))


if __name__ == "__main__":
    main(int(sys.argv[1]))
