import re
import unicodedata

from django.db import migrations, models

# The search key of tiendo.lib.text.fold, written out here: migrations import no tiendo code.
_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_SPACES = re.compile(r"\s+")


def _fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = unicodedata.normalize("NFC", stripped).lower().translate(_D_MAP)
    return _SPACES.sub(" ", stripped).strip()


def fill_search_key(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    batch = []
    for task in Task.objects.only("pk", "title").iterator(chunk_size=2000):
        task.search_key = _fold(task.title)[:500]
        batch.append(task)
        if len(batch) >= 2000:
            Task.objects.bulk_update(batch, ["search_key"])
            batch = []
    Task.objects.bulk_update(batch, ["search_key"])


class Migration(migrations.Migration):

    dependencies = [
        ('tasks', '0002_progress_created_at_settable'),
    ]

    operations = [
        migrations.AddField(
            model_name='task',
            name='search_key',
            field=models.CharField(blank=True, editable=False, max_length=500),
        ),
        migrations.RunPython(fill_search_key, migrations.RunPython.noop),
    ]
