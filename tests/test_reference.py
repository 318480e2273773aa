"""The reference tables say what the seeds say (figures read by hand from the Arabic text)."""

from pathlib import Path

import pytest

from analysis import reference
from analysis.workbook.format import REGION_CHOICES

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
"""CI clones the repository with `shared/` beside it; on the dev machine it is /work/shared."""


@pytest.fixture(scope="module")
def ref() -> reference.Reference:
    return reference.load()


def every_range(ref: reference.Reference) -> list[reference.Range]:
    return [item for table in reference.TABLES for item in getattr(ref, table)]


@pytest.mark.parametrize(
    ("region", "low", "high"),
    [
        # Seed 001, "الموقع": "الولايات المتحدة / كندا: 22-35 دولارًا في الساعة".
        ("usa_canada", 22, 35),
        # "أوروبا الغربية: 40 دولارًا في الساعة": one figure.
        ("western_europe", 40, 40),
        # "أوروبا الشرقية 12-25".
        ("eastern_europe", 12, 25),
        # "أستراليا: 35 55" (the dash is missing in the seed).
        ("australia", 35, 55),
        ("africa_middle_east", 15, 20),
        # "أمريكا اللاتينية: من 8 إلى 18".
        ("latin_america", 8, 18),
        ("asia_philippines", 8, 14),
        ("india", 5, 9),
        ("pakistan", 6, 10),
    ],
)
def test_region_hourly_ranges(ref, region, low, high):
    item = ref.region(region)
    assert (item.low, item.high, item.unit) == (low, high, "USD/hour")


def test_mid_is_the_middle(ref):
    # India 5-9: (5 + 9) / 2 = 7; Western Europe one figure 40: mid 40.
    assert ref.region("india").mid == 7
    assert ref.region("western_europe").mid == 40
    assert ref.region("india").level("low") == 5
    assert ref.region("india").level("high") == 9


def test_single_figure_is_said_in_the_note(ref):
    assert "one figure" in ref.region("western_europe").note


def test_shared_per_minute_typos_corrected(ref):
    # Seed: "0.35 دولارًا و 45 دولارًا للدقيقة" and "0.75 دولارًا إلى 90 دولارًا للدقيقة".
    international, usa = ref.shared("international"), ref.shared("usa_canada")
    assert (international.low, international.high) == (0.35, 0.45)
    assert (usa.low, usa.high) == (0.75, 0.90)
    for item in (international, usa):
        assert "typo" in item.note
        assert item.unit == "USD/minute"
    assert "0.45" in international.note and "0.90" in usa.note


def test_dedicated_and_outbound_hourly(ref):
    # "بين 8 دولارات إلى 15 دولارًا دوليًا إلى 22 دولارًا إلى 28 دولارًا في الولايات المتحدة / كندا".
    assert (ref.dedicated("international").low, ref.dedicated("international").high) == (8, 15)
    assert (ref.dedicated("usa_canada").low, ref.dedicated("usa_canada").high) == (22, 28)
    outbound = {item.id: (item.low, item.high) for item in ref.outbound_hourly}
    assert outbound == {
        "india_philippines": (6, 10),
        "eastern_europe_latin_america": (9, 14),
        "mature_western": (22, 32),
        "high_end_specialised": (35, 50),
    }


def test_guides(ref):
    # "مكافأة من 10٪ إلى 20٪": 10-20% as fractions; "يصل إلى 100 / شهر"; "24 ساعة هي المعيار".
    premium = ref.guide(reference.COMMISSION_PREMIUM)
    assert (premium.low, premium.high) == (0.10, 0.20)
    assert ref.guide(reference.SHARED_MAX_MONTHLY).high == 100
    assert ref.guide(reference.SHARED_MAX_MONTHLY).source.startswith("seeds/003_")
    assert ref.guide(reference.EMAIL_RESPONSE_HOURS).low == 24
    assert (ref.guide(reference.SHARED_POOL_CLIENTS).low,
            ref.guide(reference.SHARED_POOL_CLIENTS).high) == (12, 36)


def test_every_row_is_well_formed(ref):
    for item in every_range(ref):
        assert item.low <= item.high, item.id
        assert item.low > 0, item.id
        assert item.note.strip(), item.id
        assert item.source.startswith("seeds/") and item.source.endswith(".txt"), item.id


def test_region_ids_and_names_match_the_workbook(ref):
    assert [(r.id, r.name) for r in ref.regions] == [(c.value, c.label) for c in REGION_CHOICES]


def test_names_are_marked_for_translation(ref):
    for table, names in reference.NAMES.items():
        assert {item.id: item.name for item in getattr(ref, table)} == names


def test_read_table_adds_mid():
    frame = reference.read_table("dedicated_hourly")
    # International 8-15: mid 11.5; USA/Canada 22-28: mid 25.
    assert frame.set_index("id")["mid"].to_dict() == {"international": 11.5, "usa_canada": 25.0}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_sources_exist_and_hold_the_figures(ref):
    for item in every_range(ref):
        path = SEEDS / Path(item.source).name
        assert path.is_file(), item.source
    seed = (SEEDS / "001_eb50db31e965e4b0.txt").read_text(encoding="utf-8")
    # The typos really are in the seed, as the notes say.
    assert "0.35 دولارًا و 45 دولارًا للدقيقة" in seed
    assert "0.75 دولارًا إلى 90 دولارًا للدقيقة" in seed
    assert "أوروبا الغربية: 40 دولارًا في الساعة" in seed


def test_every_source_is_cited_by_title_in_the_table_of_sources(ref):
    sources = reference.read_sources()
    documents = set(sources["document"])
    assert len(documents) == len(sources)  # one row each
    assert {item.source for item in every_range(ref)} <= documents
    for row in sources.itertuples():
        assert row.title.strip() and row.language in {"ar", "en", "ro"}, row.document
        assert row.provides.strip(), row.document


def test_every_range_quotes_the_passage_it_was_read_from(ref):
    for item in every_range(ref):
        assert item.quote.strip(), item.id
        assert item.quote not in item.note, item.id  # the note is ours, the quote the source's


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_quotes_and_titles_are_the_seeds_own_words(ref):
    def seed(document: str) -> str:
        return (SEEDS / Path(document).name).read_text(encoding="utf-8")

    for item in every_range(ref):
        assert item.quote in seed(item.source), (item.id, item.quote)
    for row in reference.read_sources().itertuples():
        if row.document.startswith("seeds/"):
            lines = [line.strip(" •\t") for line in seed(row.document).splitlines()]
            assert row.title in lines, row.document  # a line of the document, word for word
