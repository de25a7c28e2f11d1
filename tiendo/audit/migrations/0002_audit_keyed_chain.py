from django.db import migrations, models


class Migration(migrations.Migration):
    """The keyed chain: a digest of the audited row on each entry, and the head's scheme.
    Existing heads keep "sha256" until `tiendo audit rekey` re-keys them (docs/security.md)."""

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="state_digest",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="audithead",
            name="scheme",
            field=models.CharField(default="sha256", max_length=16),
        ),
    ]
