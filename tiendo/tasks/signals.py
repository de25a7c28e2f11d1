"""What the tasks app announces to the apps above it, which it must not import.

``direction_added`` is sent inside the transaction that writes a leader's direction on a task
(``services.direction_add``); the reminders app answers it by telling the lead unit at once.
"""

from django.dispatch import Signal

direction_added = Signal()  # keyword argument: direction
