import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# orgs.services.UNIT_OFFICE_NAMES when this migration was written (folded names).
UNIT_OFFICE_NAMES = ("засаг даргын тамгын газар", "здтг")


def mark_unit_offices(apps, schema_editor):
    """A governor's office right under its unit is that unit's own office (as
    organization_create now decides for new nodes)."""
    Organization = apps.get_model("orgs", "Organization")
    named = models.Q()
    for name in UNIT_OFFICE_NAMES:
        named |= models.Q(name_folded__contains=name)
    Organization.objects.filter(named, depth__gt=1).update(is_unit_office=True)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0004_report_steps_translatable_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="is_unit_office",
            field=models.BooleanField(
                default=False,
                help_text="The governor's office of the aimag or soum right above: that unit's "
                "reviewers do not review it, unless assigned to it by someone above.",
                verbose_name="нэгжийн өөрийн тамгын газар",
            ),
        ),
        migrations.AddField(
            model_name="reviewerassignment",
            name="assigned_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="томилсон огноо"
            ),
        ),
        migrations.AddField(
            model_name="reviewerassignment",
            name="assigned_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="томилсон",
            ),
        ),
        migrations.RunPython(mark_unit_offices, migrations.RunPython.noop),
    ]
