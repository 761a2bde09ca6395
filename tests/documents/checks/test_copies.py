"""narrative_copied: shingles, MinHash/LSH candidates, the exact similarity decides."""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents.checks.copies import CopyIndex, TextRef, copied_flags, shingles

TEXT = (
    "Байгууллагын цахим хуудсанд авлигын эсрэг 8 мэдээ байршуулж, нийт 2315 хандалт авсан. "
    "Мөн иргэдэд зориулсан 3 удаагийн нээлттэй өдөрлөг зохион байгуулж, 412 иргэнд "
    "авлигын эсрэг хууль тогтоомжийн талаар мэдээлэл хүргэсэн. Сумын төрийн байгууллагуудын "
    "мэдээллийн самбарт Авлигатай тэмцэх газраас ирүүлсэн зурагт хуудас, гарын авлагыг "
    "байршуулж, багуудын иргэдийн нийтийн хурлаар авлигын эсрэг шүгэл үлээх ач холбогдлыг "
    "таниулсан."
)
OTHER = (
    "Эрүүл мэндийн төвийн эмч, ажилтнуудад ёс зүйн дүрмийг танилцуулж, ашиг сонирхлын "
    "зөрчлөөс урьдчилан сэргийлэх тухай мэдүүлгийг 42 ажилтнаас хугацаанд нь авсан."
)
OWN = TextRef("r2024", "Хужирт ЗДТГ", 2024, "1.1")


def index_of(*texts: tuple[TextRef, str]) -> CopyIndex:
    index = CopyIndex()
    index.add_all(texts)
    return index


def test_last_years_text_again_is_a_copy():
    index = index_of((TextRef("r2023", "Хужирт ЗДТГ", 2023, "1.3"), TEXT))
    (flag,) = copied_flags(OWN, TEXT, index)
    assert (flag.code, flag.variant) == ("narrative_copied", "last_year")
    assert flag.params == {"other": "1.3", "similarity": "100", "report": "r2023", "year": "2023"}
    assert "1.3" in flag.message("en") and "100%" in flag.message("en")


def test_this_years_figures_in_last_years_words_are_the_same_text():
    changed = TEXT.replace("2315", "2410").replace("412", "398").replace("8", "11")
    index = index_of((TextRef("r2023", "Хужирт ЗДТГ", 2023, "1.3"), TEXT))
    (flag,) = copied_flags(OWN, changed, index)
    assert flag.params["similarity"] == "100"


def test_a_few_changed_words_still_make_a_copy_and_the_figure_is_exact():
    changed = TEXT.replace("нээлттэй өдөрлөг", "уулзалт")
    other = TextRef("b2024", "Бат-Өлзий ЗДТГ", 2024, "2.1")
    (flag,) = copied_flags(OWN, changed, index_of((other, TEXT)))
    assert flag.variant == "other_org"
    a, b = shingles(changed), shingles(TEXT)
    exact = Decimal(100 * len(a & b)) // Decimal(len(a | b))
    assert flag.params["similarity"] == str(exact)
    assert Decimal(80) <= exact < Decimal(100)
    assert "Бат-Өлзий ЗДТГ" in flag.message("mn")


def test_a_different_text_latin_lookalikes_and_short_texts():
    index = index_of(
        (TextRef("b2024", "Бат-Өлзий ЗДТГ", 2024, "2.1"), OTHER),
        (TextRef("c2024", "Төгрөг ЗДТГ", 2024, "1.1"), "Хэрэгжээгүй."),
    )
    assert copied_flags(OWN, TEXT, index) == []
    assert copied_flags(OWN, "Хэрэгжээгүй.", index) == []  # short texts are alike by nature
    latin = OTHER.replace("М", "M").replace("о", "o")  # Latin M and o inside Cyrillic words
    (flag,) = copied_flags(OWN, latin, index)
    assert flag.params["similarity"] == "100"


def test_only_last_year_of_the_same_office_and_this_year_of_others_count():
    index = index_of(
        (TextRef("r2022", "Хужирт ЗДТГ", 2022, "1.1"), TEXT),  # two years ago
        (TextRef("b2023", "Бат-Өлзий ЗДТГ", 2023, "1.1"), TEXT),  # another office, last year
        (TextRef("r2024", "Хужирт ЗДТГ", 2024, "1.2"), TEXT),  # the same report
    )
    assert copied_flags(OWN, TEXT, index) == []


def test_last_year_wins_over_another_office():
    index = index_of(
        (TextRef("b2024", "Бат-Өлзий ЗДТГ", 2024, "2.1"), TEXT),
        (TextRef("r2023", "Хужирт ЗДТГ", 2023, "1.1"), TEXT),
    )
    assert [f.variant for f in copied_flags(OWN, TEXT, index)] == ["last_year"]
