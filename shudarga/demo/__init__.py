"""The demo data: the Khujirt 2024 report, its organization's officer and head, an administrator.

Only for the demo on 127.0.0.1: the README and the start page of the demo print these logins.
"""

DEMO_PASSWORD = "shudarga-demo"
DEMO_ADMIN = ("admin", DEMO_PASSWORD)
# (username, password, role in the Khujirt governor's office, full name)
DEMO_MEMBERS = (
    ("khujirt.officer", DEMO_PASSWORD, "officer", "Оюунчимэг (мэргэжилтэн)"),
    ("khujirt.head", DEMO_PASSWORD, "head", "Батбаяр (Тамгын газрын дарга)"),
)
# (username, password, node reviewed as (name, kind) pairs from the root, is_staff, full name)
DEMO_REVIEWERS = (
    (
        "uvurkhangai.reviewer",
        DEMO_PASSWORD,
        (("Монгол Улс", "country"), ("Өвөрхангай аймаг", "aimag")),
        False,
        "Өвөрхангай аймгийн ЗДТГ (хянагч)",
    ),
    (
        "iaac.reviewer",
        DEMO_PASSWORD,
        (("Монгол Улс", "country"),),
        True,
        "Авлигатай тэмцэх газар (хянагч)",
    ),
)
# The generated part of the demo (shudarga.demo.generate), unless the command says otherwise.
DEMO_ORGANIZATIONS = 24
DEMO_YEARS = (2023, 2024)
DEMO_SEED = 7
