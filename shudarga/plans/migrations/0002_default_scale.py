"""The common government scale (100/70/30/0 and ХБ) as the default scale.

The values are copied here on purpose: a migration must not import application code
that may change later (shudarga.documents.model.GOVERNMENT_SCALE).
"""

from decimal import Decimal

from django.db import migrations

CODE = "mn-gov"
LEVELS = [
    (Decimal("100"), "Бүрэн хэрэгжсэн", "Fully implemented"),
    (Decimal("70"), "Хэрэгжих шатандаа", "Being implemented"),
    (Decimal("30"), "Хэрэгжилт хангалтгүй", "Insufficiently implemented"),
    (Decimal("0"), "Хэрэгжээгүй", "Not implemented"),
]


def create_default_scale(apps, schema_editor):
    Scale = apps.get_model("plans", "Scale")
    ScaleLevel = apps.get_model("plans", "ScaleLevel")
    if Scale.objects.filter(code=CODE).exists():
        return
    Scale.objects.filter(is_default=True).update(is_default=False)
    scale = Scale.objects.create(
        code=CODE,
        name="Нийтлэг үнэлгээ 100/70/30/0",
        not_due_mark="ХБ",
        rounding="half_up",
        decimals=0,
        is_default=True,
    )
    ScaleLevel.objects.bulk_create(
        ScaleLevel(scale=scale, score=score, label_mn=mn, label_en=en, order=order)
        for order, (score, mn, en) in enumerate(LEVELS)
    )


def delete_default_scale(apps, schema_editor):
    Scale = apps.get_model("plans", "Scale")
    # Plans protect their scale: this fails, as it should, while plans still use it.
    Scale.objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(create_default_scale, delete_default_scale)]
