"""The blank company workbook (the newest format version), built from `workbook.format`.

Everything the loader reads is laid out from the same field specs: labels with
units, yellow input cells with a legend, dropdowns for every enumeration,
frozen headers. The instructions are in English, Arabic and Romanian so the
person filling the workbook can read them in their own language.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import LANGUAGES, N_, direction, translator
from analysis.model import Channel
from analysis.workbook import format as fmt

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNUSED_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
RIGHT_TO_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="right", readingOrder=2)

VALIDATION_LAST_ROW = fmt.QUOTE_LAST_ROW
"""Quote dropdowns reach the last quote row the format reads, past the formatted rows."""

INSTRUCTIONS = (
    N_("This workbook describes your customer-service operation for the sourcing analysis: "
       "in-house team or outsourcing."),
    N_("Fill in the yellow cells on the sheets Company, Demand, InHouse, Quotes, Assumptions "
       "and Years. Grey cells are not used. Do not rename the sheets or move rows."),
    N_("Each header gives its unit. Money is in the company currency, except quotes "
       "given in USD."),
    N_("Percentages: type 30 for 30%. A cell formatted as a percentage (30%) is read as shown."),
    N_("Numbers may be typed with Arabic digits, a decimal comma or thousands separators. "
       "A text such as 1,234 that could mean two numbers is refused: enter it as a number, "
       "or without thousands separators."),
    N_("Demand: for each channel give the monthly number of tickets, or the number of "
       "customers and the incident rate (contacts per customer per month), or both (they "
       "must agree within 5%). Leave the volume blank for a channel you do not use."),
    N_("Quotes: one row per vendor price, up to 200 quotes (rows 4 to 203)."),
    N_("Quotes, columns K to T: the contract terms (billing basis, the vendor's shrinkage and "
       "contract hours, night and weekend surcharge, service credits, resolution rate); a blank "
       "cell keeps the usual term, as the header says."),
    N_("Assumptions: a blank cell uses the default shown next to it."),
    N_("Years: who runs customer service today, and how pay, vendor prices, the exchange rate "
       "and volumes move over the planning horizon; what a change of operation costs; and the "
       "year you would leave an outsourcing contract, if you plan to. Blank cells keep today's "
       "prices and cost nothing."),
    N_("Ranges (optional): for any estimate you are unsure of, a low and a high value in the "
       "input's own unit; your value on its sheet stays the likeliest. Inputs without a row get "
       "the book's default ranges (its chapter on uncertainty lists them)."),
    N_("Formulas are allowed: save the workbook in Excel or LibreOffice so their values "
       "are stored."),
)

TITLES = {
    fmt.COMPANY: N_("Company: who you are, your currency and your opening hours"),
    fmt.DEMAND: N_("Demand: one row per channel; leave the volume blank for unused channels"),
    fmt.INHOUSE: N_("In-house team: what an agent and a seat cost you"),
    fmt.QUOTES: N_("Vendor quotes: one row per price; prices in USD or the company currency"),
    fmt.ASSUMPTIONS: N_("Assumptions: blank cells keep the default shown in column D"),
    fmt.YEARS: N_("Years: today's operation, how costs move over the horizon, changing and "
                  "leaving"),
    fmt.RANGES: N_("Ranges: how sure you are of an estimate, as a low and a high value "
                   "(optional)"),
}

RANGE_TEMPLATE_ROWS = 20
"""Rows the blank template formats for ranges; the notes stand beside them, in column F."""

RANGE_NOTES = (
    N_("One row per input you are unsure of: choose it in column A (a vendor's prices or "
       "shrinkage also name the vendor in column B, as on the Quotes sheet) and give its low and "
       "high values in columns C and D."),
    N_("Low and high are in the input's own unit: contacts a month, seconds, the company "
       "currency; percent points for percentages (type 30 for 30%); for a vendor's prices, "
       "percent of what it quoted (95 to 110)."),
    N_("Your value on the input's own sheet is the likeliest: the range must hold it. Each "
       "input is drawn from a PERT distribution over low, likeliest and high; the salaries move "
       "together, and so do the monthly contacts of all channels."),
    N_("A blank row keeps the default range of that input; low = high = your value makes it "
       "certain."),
)

LEGEND = N_("Legend:")
LEGEND_INPUT = N_("input cell")
LEGEND_UNUSED = N_("not used")


def write_template(path: str | Path, *, overwrite: bool = False) -> Path:
    """Writes the blank workbook; refuses to replace an existing file unless told to."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    build_template().save(path)
    return path


def build_template() -> Workbook:
    """The blank workbook in memory, for `write_template` and the examples to fill."""
    book = Workbook()
    _instructions(book.active)
    _scalar_sheet(book.create_sheet(fmt.COMPANY), fmt.COMPANY_FIELDS)
    _demand(book.create_sheet(fmt.DEMAND))
    inhouse = book.create_sheet(fmt.INHOUSE)
    _scalar_sheet(inhouse, fmt.INHOUSE_FIELDS)
    _heading(inhouse, fmt.RETAINED_HEADING_ROW,
             N_("Retained vendor management (what stays in-house if you outsource)"))
    _scalar_rows(inhouse, fmt.RETAINED_FIELDS)
    _heading(inhouse, fmt.MANAGEMENT_HEADING_ROW,
             N_("Management, training and offices (blank cells keep the defaults in the notes)"))
    _scalar_rows(inhouse, fmt.MANAGEMENT_FIELDS)
    _quotes(book.create_sheet(fmt.QUOTES))
    _assumptions(book.create_sheet(fmt.ASSUMPTIONS))
    _scalar_sheet(book.create_sheet(fmt.YEARS), fmt.YEARS_FIELDS)
    _ranges(book.create_sheet(fmt.RANGES))
    _lists(book.create_sheet(fmt.LISTS))
    _dropdowns(book)
    return book


def _instructions(sheet: Worksheet) -> None:
    sheet.title = fmt.INSTRUCTIONS
    sheet["A1"] = N_("Company workbook for the customer-service sourcing analysis")
    sheet["A1"].font = TITLE
    sheet["A2"] = N_("Format version")
    sheet[fmt.VERSION_CELL] = fmt.FORMAT_VERSION
    sheet["A2"].font = BOLD
    _legend(sheet, 3)
    row = 5
    for lang in LANGUAGES:
        _ = translator(lang)
        lines = [_(line) for line in INSTRUCTIONS]
        alignment = RIGHT_TO_LEFT if direction(lang) == "rtl" else WRAP
        heading = Locale.parse(lang).display_name
        sheet.cell(row, 1, heading[:1].upper() + heading[1:]).font = BOLD
        sheet.cell(row, 1).alignment = alignment
        for offset, line in enumerate(lines, start=1):
            sheet.cell(row + offset, 1, line).alignment = alignment
        row += len(lines) + 2
    sheet.column_dimensions["A"].width = 110
    sheet.column_dimensions["B"].width = 12


def _legend(sheet: Worksheet, row: int) -> None:
    sheet.cell(row, 1, LEGEND).font = BOLD
    sheet.cell(row, 2, LEGEND_INPUT).fill = INPUT_FILL
    sheet.cell(row, 3, LEGEND_UNUSED).fill = UNUSED_FILL


def _title(sheet: Worksheet) -> None:
    sheet.cell(fmt.TITLE_ROW, 1, TITLES[sheet.title]).font = TITLE
    _legend(sheet, fmt.LEGEND_ROW)


def _header(sheet: Worksheet, labels: tuple[str, ...], first_column: int = 1) -> None:
    for offset, label in enumerate(labels):
        cell = sheet.cell(fmt.HEADER_ROW, first_column + offset, label)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP


def _heading(sheet: Worksheet, row: int, text: str) -> None:
    sheet.cell(row, 1, text).font = BOLD
    for column in range(1, 4):
        sheet.cell(row, column).fill = HEADER_FILL


def _scalar_sheet(sheet: Worksheet, fields: tuple[fmt.Field, ...]) -> None:
    _title(sheet)
    _header(sheet, (N_("Field"), N_("Value"), N_("Notes")))
    _scalar_rows(sheet, fields)
    sheet.freeze_panes = f"A{fmt.FIRST_ROW}"
    for column, width in zip("ABCD", (58, 20, 70, 22), strict=True):
        sheet.column_dimensions[column].width = width


def _scalar_rows(sheet: Worksheet, fields: tuple[fmt.Field, ...]) -> None:
    for spec in fields:
        row = sheet[spec.cell].row
        sheet.cell(row, 1, spec.label).alignment = WRAP
        sheet[spec.cell].fill = INPUT_FILL
        if spec.kind is fmt.Kind.DATE:
            sheet[spec.cell].number_format = "yyyy-mm-dd"
        if spec.note:
            sheet.cell(row, 3, spec.note).alignment = WRAP


def _column_headers(sheet: Worksheet, fields: tuple[fmt.Field, ...]) -> None:
    """Each table field's label above its own column (a table may leave columns free)."""
    for spec in fields:
        _header(sheet, (spec.label,), column_index_from_string(spec.column))


def _demand(sheet: Worksheet) -> None:
    _title(sheet)
    _header(sheet, (N_("Channel"),))
    _column_headers(sheet, fmt.DEMAND_FIELDS)
    for channel in Channel:
        row = fmt.DEMAND_ROWS[channel]
        sheet.cell(row, 1, fmt.choice_label(fmt.CHANNEL_CHOICES, channel)).font = BOLD
        for spec in fmt.DEMAND_FIELDS:
            fill = INPUT_FILL if spec.applies_to(channel) else UNUSED_FILL
            sheet[f"{spec.column}{row}"].fill = fill
    notes = (
        N_("Volume: monthly contacts, or customers and contacts per customer, or both "
           "(within 5% of each other)."),
        N_("Inbound phone and chat: service level (%) answered within the answer target "
           "(seconds). Email, social media and outbound phone: response target (hours)."),
        N_("Own hours: fill all three to staff this channel differently from the company "
           "hours, or leave all three blank."),
        N_("Outbound phone: success rate (%) is the share of calls earning a commission; "
           "needed for commission quotes."),
        N_("Inbound phone and chat: mean patience is how long callers wait on average before "
           "hanging up (seconds, from your telephony or chat reports); blank means nobody hangs "
           "up. Chat: chats one agent handles at the same time, and how much longer each chat "
           "takes per extra chat (the average handling time is for a chat handled alone)."),
        N_("After-call work (phone and chat): the share of the handling time spent after the "
           "conversation; used for quotes billed on talk time only (blank = 15%)."),
    )
    first = fmt.DEMAND_ROWS[Channel.SOCIAL] + 2
    for offset, note in enumerate(notes):
        sheet.cell(first + offset, 1, note)
    sheet.row_dimensions[fmt.HEADER_ROW].height = 48
    sheet.freeze_panes = f"B{fmt.FIRST_ROW}"
    sheet.column_dimensions["A"].width = 18
    for spec in fmt.DEMAND_FIELDS:
        sheet.column_dimensions[spec.column].width = 17


def _quotes(sheet: Worksheet) -> None:
    _title(sheet)
    _column_headers(sheet, fmt.QUOTE_FIELDS)
    for row in range(fmt.FIRST_ROW, fmt.FIRST_ROW + fmt.QUOTE_TEMPLATE_ROWS):
        for spec in fmt.QUOTE_FIELDS:
            sheet[f"{spec.column}{row}"].fill = INPUT_FILL
    sheet.row_dimensions[fmt.HEADER_ROW].height = 48
    sheet.freeze_panes = f"A{fmt.FIRST_ROW}"
    for spec in fmt.QUOTE_FIELDS:
        sheet.column_dimensions[spec.column].width = 26 if spec.key == "vendor" else 19


def _ranges(sheet: Worksheet) -> None:
    _title(sheet)
    _column_headers(sheet, fmt.RANGE_FIELDS)
    for row in range(fmt.FIRST_ROW, fmt.FIRST_ROW + RANGE_TEMPLATE_ROWS):
        for spec in fmt.RANGE_FIELDS:
            sheet[f"{spec.column}{row}"].fill = INPUT_FILL
    notes = column_index_from_string(fmt.RANGE_FIELDS[-1].column) + 2
    for offset, note in enumerate(RANGE_NOTES):
        sheet.cell(fmt.FIRST_ROW + offset, notes, note).alignment = WRAP
    sheet.row_dimensions[fmt.HEADER_ROW].height = 32
    sheet.freeze_panes = f"A{fmt.FIRST_ROW}"
    for spec, width in zip(fmt.RANGE_FIELDS, (62, 30, 16, 16), strict=True):
        sheet.column_dimensions[spec.column].width = width
    sheet.column_dimensions[get_column_letter(notes)].width = 80


def _assumptions(sheet: Worksheet) -> None:
    _title(sheet)
    _header(sheet, (N_("Field"), N_("Value"), N_("Notes"), N_("Default")))
    _scalar_rows(sheet, fmt.ASSUMPTION_FIELDS)
    _heading(sheet, fmt.PROFILE_HEADING_ROW,
             N_("Hourly profile: relative contacts by hour of day (all 24 blank = default)"))
    _scalar_rows(sheet, fmt.PROFILE_FIELDS)
    _heading(sheet, fmt.BENCHMARK_HEADING_ROW,
             N_("Benchmarks: the typical terms published prices are given (assumptions)"))
    _scalar_rows(sheet, fmt.BENCHMARK_FIELDS)
    for spec in fmt.ASSUMPTION_FIELDS + fmt.PROFILE_FIELDS + fmt.BENCHMARK_FIELDS:
        row = sheet[spec.cell].row
        sheet.cell(row, 4, _shown_default(spec))
    sheet.freeze_panes = f"A{fmt.FIRST_ROW}"
    for column, width in zip("ABCD", (62, 16, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width


def _shown_default(spec: fmt.Field) -> float | str:
    """The default as the person would type it (percent points for percent fields)."""
    if spec.default is None:
        return spec.default_text
    if spec.kind is fmt.Kind.PERCENT:
        return spec.default * 100
    return spec.default


_CURRENCY_CELL = next(f.cell for f in fmt.COMPANY_FIELDS if f.key == "currency")
_COMPANY_CURRENCY = f"={fmt.COMPANY}!${_CURRENCY_CELL[0]}${_CURRENCY_CELL[1:]}"

_LIST_COLUMNS = {
    "coverage": ("A", tuple(c.label for c in fmt.COVERAGE_CHOICES)),
    "channel": ("B", tuple(c.label for c in fmt.CHANNEL_CHOICES)),
    "model": ("C", tuple(c.label for c in fmt.MODEL_CHOICES)),
    "region": ("D", tuple(c.label for c in fmt.REGION_CHOICES)),
    "currency": ("E", fmt.COMMON_CURRENCIES),
    "quote_currency": ("F", (fmt.QUOTE_BASE_CURRENCY, _COMPANY_CURRENCY)),
    "billing_basis": ("G", tuple(c.label for c in fmt.BASIS_CHOICES)),
    "software_licences": ("H", tuple(c.label for c in fmt.LICENCE_CHOICES)),
    "range_input": ("I", tuple(c.label for c in fmt.range_choices())),
    # The Company sheet's dropdowns added in format version 2.
    "customer_language": ("J", tuple(c.label for c in fmt.LANGUAGE_CHOICES)),
    "contact_complexity": ("K", tuple(c.label for c in fmt.COMPLEXITY_CHOICES)),
}


def _lists(sheet: Worksheet) -> None:
    """Dropdown values on a hidden sheet, so lists are not limited to 255 characters."""
    for column, values in _LIST_COLUMNS.values():
        for row, value in enumerate(values, start=1):
            sheet[f"{column}{row}"] = value
    sheet.sheet_state = "hidden"


def _list_range(name: str) -> str:
    column, values = _LIST_COLUMNS[name]
    return f"{fmt.LISTS}!${column}$1:${column}${len(values)}"


def _dropdowns(book: Workbook) -> None:
    company = {f.key: f.cell for f in fmt.COMPANY_FIELDS}
    _dropdown(book[fmt.COMPANY], "coverage", company["coverage"])
    _dropdown(book[fmt.COMPANY], "currency", company["currency"], strict=False)
    for key in ("customer_language", "contact_complexity"):
        _dropdown(book[fmt.COMPANY], key, company[key])
    columns = {f.key: f.column for f in fmt.QUOTE_FIELDS}
    for key in ("region", "channel", "model"):
        _dropdown(book[fmt.QUOTES], key, _column_range(columns[key]))
    _dropdown(book[fmt.QUOTES], "quote_currency", _column_range(columns["currency"]))
    _dropdown(book[fmt.QUOTES], "billing_basis", _column_range(columns["billing_basis"]))
    licences = next(f.cell for f in fmt.MANAGEMENT_FIELDS if f.key == "software_licences")
    _dropdown(book[fmt.INHOUSE], "software_licences", licences)
    ranges = {f.key: f.column for f in fmt.RANGE_FIELDS}
    _dropdown(book[fmt.RANGES], "range_input",
              f"{ranges['input']}{fmt.FIRST_ROW}:{ranges['input']}{fmt.RANGE_LAST_ROW}")
    vendor = book[fmt.RANGES]
    validation = DataValidation(
        type="list", formula1=f"{fmt.QUOTES}!${columns['vendor']}${fmt.FIRST_ROW}:"
        f"${columns['vendor']}${fmt.QUOTE_LAST_ROW}", allow_blank=True, errorStyle="warning",
        showErrorMessage=True)
    validation.add(f"{ranges['vendor']}{fmt.FIRST_ROW}:{ranges['vendor']}{fmt.RANGE_LAST_ROW}")
    vendor.add_data_validation(validation)


def _column_range(column: str) -> str:
    return f"{column}{fmt.FIRST_ROW}:{column}{VALIDATION_LAST_ROW}"


def _dropdown(sheet: Worksheet, name: str, cells: str, *, strict: bool = True) -> None:
    """A list validation; a non-strict one only warns, so other ISO codes can be typed."""
    validation = DataValidation(
        type="list", formula1=_list_range(name), allow_blank=True,
        errorStyle="stop" if strict else "warning", showErrorMessage=True,
    )
    validation.add(cells)
    sheet.add_data_validation(validation)
