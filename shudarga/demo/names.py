"""Names of the demo hierarchy: aimags, their soums, and the organizations generated in them.

Real aimag and soum names; the organizations are the ones every aimag and soum has.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

AIMAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Өвөрхангай",
        (
            "Арвайхээр",
            "Хархорин",
            "Бат-Өлзий",
            "Уянга",
            "Баянгол",
            "Баруунбаян-Улаан",
            "Баян-Өндөр",
            "Богд",
            "Бүрд",
            "Гучин-Ус",
            "Есөнзүйл",
            "Зүүнбаян-Улаан",
            "Нарийнтээл",
            "Өлзийт",
            "Сант",
            "Тарагт",
            "Төгрөг",
            "Хайрхандулаан",
            "Хужирт",
        ),
    ),
    (
        "Архангай",
        (
            "Эрдэнэбулган",
            "Тариат",
            "Батцэнгэл",
            "Ихтамир",
            "Булган",
            "Жаргалант",
            "Өгийнуур",
            "Өлзийт",
            "Өндөр-Улаан",
            "Төвшрүүлэх",
            "Хайрхан",
            "Хангай",
            "Хашаат",
            "Хотонт",
            "Цахир",
            "Цэнхэр",
            "Цэцэрлэг",
            "Чулуут",
            "Эрдэнэмандал",
        ),
    ),
    (
        "Төв",
        (
            "Зуунмод",
            "Батсүмбэр",
            "Баянчандмань",
            "Эрдэнэ",
            "Алтанбулаг",
            "Аргалант",
            "Архуст",
            "Баян",
            "Баяндэлгэр",
            "Баянжаргалан",
            "Баян-Өнжүүл",
            "Баянхангай",
            "Баянцагаан",
            "Баянцогт",
            "Борнуур",
            "Бүрэн",
            "Дэлгэрхаан",
            "Жаргалант",
            "Заамар",
            "Лүн",
            "Мөнгөнморьт",
            "Өндөрширээт",
            "Сүмбэр",
            "Сэргэлэн",
            "Угтаалцайдам",
            "Цээл",
            "Эрдэнэсант",
        ),
    ),
    (
        "Дорнод",
        (
            "Хэрлэн",
            "Халхгол",
            "Баяндун",
            "Матад",
            "Баянтүмэн",
            "Баян-Уул",
            "Булган",
            "Гурванзагал",
            "Дашбалбар",
            "Сэргэлэн",
            "Хөлөнбуйр",
            "Цагаан-Овоо",
            "Чойбалсан",
            "Чулуунхороот",
        ),
    ),
)

# The soum the real seed report comes from: its office is loaded from the seed, not generated.
SEED_SOUM = ("Өвөрхангай", "Хужирт")

# Aimag-level bodies: "{aimag} аймгийн {body}".
AIMAG_BODIES = (
    "Засаг даргын Тамгын газар",
    "Эрүүл мэндийн газар",
    "Боловсрол, шинжлэх ухааны газар",
    "Газрын харилцаа, барилга, хот байгуулалтын газар",
    "Хөдөлмөр, халамжийн үйлчилгээний газар",
    "Санхүү, төрийн сангийн хэлтэс",
    "Нийгмийн даатгалын хэлтэс",
    "Татварын хэлтэс",
)
# Soum-level bodies besides the governor's office: "{soum} сумын {body}".
SOUM_BODIES = ("Ерөнхий боловсролын сургууль", "Эрүүл мэндийн төв")

SOUMS_IN_FIRST_TIER = 4


def aimag_node(aimag: str) -> str:
    return f"{aimag} аймаг"


def soum_node(soum: str) -> str:
    return f"{soum} сум"


# Soum names composed of two parts, as many real ones are (Баянбулаг, Хархорин): what the
# generator takes once the real names run out, so any number of organizations has a name.
FIRST_PARTS = ("Баян", "Их", "Бага", "Цагаан", "Хар", "Шар", "Улаан", "Хөх", "Алтан", "Мөнх",
               "Эрдэнэ", "Сайхан", "Өлзий", "Түмэн", "Жаргалант", "Дэлгэр", "Бүрэн",
               "Хайрхан")  # fmt: skip
SECOND_PARTS = ("булаг", "тал", "уул", "гол", "нуур", "хошуу", "овоо", "цэцэг", "мөрөн",
                "хангай", "өндөр", "хүрээ", "бэлчир", "тээг", "хутаг", "зүрх", "дэл",
                "тохой")  # fmt: skip


def composed_soum_names() -> Iterator[str]:
    """ "Баянбулаг", "Баянтал", … then "Баянбулаг 2", …: never running out."""
    composed = [a + b for a, b in itertools.product(FIRST_PARTS, SECOND_PARTS)]
    for round_ in itertools.count(1):
        for name in composed:
            yield f"{name} {round_}" if round_ > 1 else name


def organization_specs(count: int | None = None) -> list[tuple[str, str | None, str]]:
    """Every organization the generator can make, as (aimag, soum or None, full name); with
    ``count``, that many, composing soums (round the aimags) once the real names run out.

    The order is fixed, so the first N are the same whatever N: per aimag its governor's
    office, health department and the governor's offices of a few soums first; then the other
    soums' governor's offices; then the other aimag bodies; then soum schools and health
    centres; then composed soums' offices. The seed soum's governor's office is left out.
    """
    first: list[tuple[str, str | None, str]] = []
    second: list[tuple[str, str | None, str]] = []
    third: list[tuple[str, str | None, str]] = []
    fourth: list[tuple[str, str | None, str]] = []
    for aimag, soums in AIMAGS:
        bodies = [(aimag, None, f"{aimag} аймгийн {body}") for body in AIMAG_BODIES]
        first.extend(bodies[:2])
        third.extend(bodies[2:])
        offices = [
            (aimag, soum, f"{soum} сумын Засаг даргын Тамгын газар")
            for soum in soums
            if (aimag, soum) != SEED_SOUM
        ]
        first.extend(offices[:SOUMS_IN_FIRST_TIER])
        second.extend(offices[SOUMS_IN_FIRST_TIER:])
        fourth.extend(
            (aimag, soum, f"{soum} сумын {body}") for soum in soums for body in SOUM_BODIES
        )
    specs = first + second + third + fourth
    real = {soum for _, soums in AIMAGS for soum in soums}
    names = (n for n in composed_soum_names() if n not in real)
    while count is not None and len(specs) < count:
        soum = next(names)
        aimag = AIMAGS[len(specs) % len(AIMAGS)][0]
        specs += [(aimag, soum, f"{soum} сумын {body}")
                  for body in ("Засаг даргын Тамгын газар", *SOUM_BODIES)]  # fmt: skip
    return specs if count is None else specs[:count]
