from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def existing_tokens(apps, schema_editor):
    """Tokens made before expiry and scopes keep working as they did (they could write)
    for 90 days from this upgrade; their owners then make new ones."""
    ApiToken = apps.get_model("api", "ApiToken")
    ApiToken.objects.update(expires_at=timezone.now() + timedelta(days=90), scope="write")


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="дуусах хугацаа"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "унших"), ("write", "унших, өөрчлөх")],
                default="read",
                max_length=5,
                verbose_name="эрх",
            ),
        ),
        migrations.RunPython(existing_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="дуусах хугацаа"),
        ),
    ]
