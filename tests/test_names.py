"""Names from the workbook are data: cleaned, never translated, isolated and shortened on display.

Right-to-left results are checked with GNU FriBidi (the Unicode Bidirectional Algorithm as
Pango and GTK run it, through ctypes), a second implementation of the reordering a browser does:
a figure must come out on screen in the order it was written.
"""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest

from analysis import options, recommend, summary
from analysis.i18n import fmt_money, translator
from analysis.names import FSI, MAX_SHOWN, PDI, Name, clean, shorten, strip_isolates
from analysis.report import blocks, headline_table
from analysis.report.words import fill, message_text, name_text
from analysis.workbook import WorkbookInvalid, loader
from analysis.workbook import format as fmt

RLO, LRO, RLE, LRE, PDF = "\u202e", "\u202d", "\u202b", "\u202a", "\u202c"
LRI, RLI = "\u2066", "\u2067"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
ZWSP, WJ, BOM, SHY, ZWNJ, ZWJ = "\u200b", "\u2060", "\ufeff", "\u00ad", "\u200c", "\u200d"
TAG_A = "\U000e0041"
IN_HOUSE_AR = translator("ar")("In-house team")


def _cell(key: str) -> str:
    return next(field.cell for field in fmt.COMPANY_FIELDS if field.key == key)


VENDOR_CELL = f"A{fmt.FIRST_ROW}"  # the vendor of the first quote (Alpha)


@pytest.mark.parametrize("raw, expected", [
    (f"Evil{RLO} Vendor", "Evil Vendor"),
    (f"{LRE}a{RLE}b{PDF}c{LRO}d{PDF}", "abcd"),
    (f"{LRI}x{RLI}y{FSI}z{PDI}{PDI}", "xyz"),
    (f"{LRM}A{RLM}B{ALM}C", "ABC"),
    (f"Z{ZWSP}e{WJ}r{BOM}o{SHY}{TAG_A}", "Zero"),
    ("Line one\nline two\ttab\u2028sep  spaced ", "Line one line two tab sep spaced"),
    # joiners choose Arabic-script letter shapes, and the Arabic number sign is a visible sign
    (f"م{ZWNJ}ي{ZWJ}ز \u0600١", f"م{ZWNJ}ي{ZWJ}ز \u0600١"),
    ("e\u0301", "\u00e9"),  # one name however it was typed (NFC)
])
def test_clean_removes_invisible_format_and_control_characters(raw, expected):
    assert clean(raw) == expected


def test_the_loader_cleans_names_and_carries_them_as_names(edited):
    path = edited({fmt.COMPANY: {_cell("name"): f"Test{RLO} Co\u2067"},
                   fmt.QUOTES: {VENDOR_CELL: f"{RLO}Alpha\n"}})
    inputs, _warnings = loader.load(path)
    assert inputs.company.name == "Test Co" and isinstance(inputs.company.name, Name)
    assert inputs.quotes[0].vendor == "Alpha" and isinstance(inputs.quotes[0].vendor, Name)


def test_a_name_of_nothing_but_controls_is_an_empty_cell(edited):
    path = edited({fmt.COMPANY: {_cell("name"): f"{RLO}{ZWSP}"}})
    with pytest.raises(WorkbookInvalid) as error:
        loader.load(path)
    assert f"cell {_cell('name')}: found (empty)" in error.value.render("en")


def test_a_vendor_named_like_our_in_house_label_keeps_its_own_name(edited):
    inputs, _warnings = loader.load(edited({fmt.QUOTES: {VENDOR_CELL: "In-house team"}}))
    scenario = options.evaluate(inputs)
    # a vendor option is named by a Name however it is priced (the sensitivity re-prices it
    # from its id, a plain str)
    rebuilt = options.build(options.Spec("vendor", ("In-house team",)), scenario.context)
    assert isinstance(rebuilt.name, Name) and rebuilt.name == "In-house team"
    rows = {row.id: row.name for row in summary.headline(inputs, "ar")}
    assert rows["inhouse"] == IN_HOUSE_AR != "In-house team"
    assert rows["vendor:In-house team"] == "In-house team"
    html = headline_table(summary.headline(inputs, "ar"), "EUR", "ar").html
    assert html.count('<bdi class="name">In-house team</bdi>') == 1
    # in a recommendation sentence too: an option's name is translated only when it is our id
    message = recommend.Message(
        "{option} costs {saving_money} a year less than the in-house team ({saving_share} of "
        "its cost).", (("option", Name("In-house team")), ("saving_money", 100.0),
                       ("saving_share", 0.1)))
    assert "In-house team" in message_text(message, "EUR", "ar")
    assert IN_HOUSE_AR not in message_text(message, "EUR", "ar")
    ours = recommend.Message(message.id, (("option", "In-house team"), *message.params[1:]))
    assert IN_HOUSE_AR in message_text(ours, "EUR", "ar")


def _fribidi():
    path = ctypes.util.find_library("fribidi")
    if path is None:
        pytest.skip("GNU FriBidi (libfribidi0) is missing; Chromium's dependencies bring it")
    return ctypes.CDLL(path)


def visual(text: str) -> str:
    """`text` in display order, left to right, in a right-to-left paragraph (FriBidi)."""
    library = _fribidi()
    size = len(text)
    source = (ctypes.c_uint32 * size)(*map(ord, text))
    target = (ctypes.c_uint32 * size)()
    paragraph = ctypes.c_uint32(0x00000111)  # FRIBIDI_PAR_RTL
    library.fribidi_log2vis(source, size, ctypes.byref(paragraph), target, None, None, None)
    return "".join(map(chr, target))


SENTENCE = translator("ar")(
    "{option} costs {saving_money} a year less than the in-house team ({saving_share} of its "
    "cost).")


def test_an_unclosed_override_in_a_name_cannot_reorder_the_figures():
    figure = fmt_money(2405207, "SAR", "ar")
    digits = "2,405,207"
    assert digits in figure
    raw = f"Acme{RLO} Support"
    # what the red team saw, with a figure written without its isolate: the name's override
    # reverses the figure after it on screen
    naive = SENTENCE.format(option=raw, saving_money=strip_isolates(figure), saving_share="21%")
    assert digits not in visual(naive) and digits[::-1] in visual(naive)
    # cleaned at load time and isolated on display, the figure reads as written
    shown = fill(SENTENCE, "ar", option=Name(clean(raw)), saving_money=figure, saving_share="21%")
    assert RLO not in shown
    assert digits in visual(shown) and "21%" in visual(shown)
    assert "Acme Support" in visual(shown)
    # even a name that kept its override is held inside its isolate (FSI ... PDI)
    held = fill(SENTENCE, "ar", option=raw, saving_money=figure, saving_share="21%")
    assert digits in visual(held)


def test_right_to_left_text_isolates_every_name_code_and_figure():
    text = fill("{a} ← {b} ({c})", "ar", a=Name("Alpha Ltd"), b="SAR 1,234", c="12%")
    assert str(text) == f"{FSI}Alpha Ltd{PDI} ← {FSI}SAR 1,234{PDI} ({FSI}12%{PDI})"
    assert text.html == ('<bdi class="name">Alpha Ltd</bdi> ← <bdi>SAR 1,234</bdi> '
                         "(<bdi>12%</bdi>)")
    assert blocks.paragraph(text).html == f'<p class="report-text">{text.html}</p>'
    # left-to-right text is written as before
    english = fill("{a} ← {b}", "en", a=Name("Alpha <Ltd>"), b="SAR 1,234")
    assert str(english) == "Alpha <Ltd> ← SAR 1,234"
    assert english.html == "Alpha &lt;Ltd&gt; ← SAR 1,234"


def test_overlong_names_are_shortened_with_the_full_name_in_a_tooltip():
    full = "Vendor " + "x" * 4993  # 5,000 characters: Excel allows 32,767
    short = full[:MAX_SHOWN - 1] + "…"
    assert len(short) == MAX_SHOWN
    assert name_text(full, "en") == short
    assert name_text(full, "en").html == f'<span title="{full}">{short}</span>'
    assert name_text(full, "ar") == f"{FSI}{short}{PDI}"
    assert name_text(full, "ar").html == f'<bdi class="name" title="{full}">{short}</bdi>'
    table = blocks.table(["Vendor"], [[name_text(full, "en")]])
    assert f">{short}</span></span></td>" in table.html and len(table.text) < 100
    # a cut never leaves a combining accent without its letter
    assert shorten("a" * 38 + "e\u0301" + "z", 40) == "a" * 38 + "…"


def test_the_terminal_summary_shortens_names(edited):
    long_name = "Alpha " + "y" * 150
    inputs, _warnings = loader.load(edited({fmt.QUOTES: {VENDOR_CELL: long_name}}))
    text = summary.render(inputs, summary.headline(inputs, "en"), "en")
    assert long_name not in text and long_name[:MAX_SHOWN - 1] + "…" in text
    # No wider than with a short name: the longest option name is then one of ours (the hybrid
    # model at international prices, 88 characters), longer than any shortened name.
    short, _warnings = loader.load(edited({fmt.QUOTES: {VENDOR_CELL: "Alpha"}}))
    plain = summary.render(short, summary.headline(short, "en"), "en")
    width = max(len(line) for line in plain.splitlines()[1:])
    assert max(len(line) for line in text.splitlines()[1:]) == width


HOSTILE = f"""Acme "A" <script>alert('x')</script> =cmd|' /C calc'!A0 {RLO}Co"""
"""58 characters, under `names.MAX_SHOWN`: the pages show it whole."""


def test_a_hostile_vendor_name_is_data_in_every_output(edited):
    """Quotes, markup, a spreadsheet formula and a bidi override typed as a vendor's name: the
    loader keeps the text (the override dropped), the JSON carries it as written, the pages
    escape it (in Arabic inside its own isolate) and nothing reads it as a formula or a tag."""
    typed = HOSTILE.replace(RLO, "")
    inputs, _warnings = loader.load(edited({fmt.QUOTES: {VENDOR_CELL: HOSTILE}}))
    assert inputs.quotes[0].vendor == typed
    names = [o["name"] for o in summary.summary_object(inputs)["options"]]
    assert typed in names
    escaped = ("Acme &quot;A&quot; &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; "
               "=cmd|&#x27; /C calc&#x27;!A0 Co")
    for lang in ("en", "ar"):
        page = headline_table(summary.headline(inputs, lang), "SAR", lang).html
        assert "<script>" not in page
        assert escaped in page.replace("&#39;", "&#x27;")
    arabic = headline_table(summary.headline(inputs, "ar"), "SAR", "ar").html
    assert f'<bdi class="name">{escaped}</bdi>' in arabic.replace("&#39;", "&#x27;")
