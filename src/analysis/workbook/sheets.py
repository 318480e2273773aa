"""The sheet rules: from each sheet's cells to `Inputs`, with every problem found.

One function per sheet (Company, Demand, InHouse, Quotes, Assumptions, Years) reads its fields
through `cells.read_field`, then the rules linking fields to each other and across sheets: a
company's hours, monthly contacts given two ways, a channel's own hours, quote currencies and
commission models, a quote's contract terms against its pricing model, retained management when
outsourcing, today's vendor and the planned exit. Inputs come back only when there is no error.
"""

from __future__ import annotations

import math
from dataclasses import replace

from analysis import reference as ref
from analysis.i18n import COUNT_YEARS, N_, ONE_YEAR
from analysis.model import (
    ACW_SHARE,
    WEEKS_PER_MONTH,
    Assumptions,
    BillingBasis,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    InputRange,
    Inputs,
    LicenceBasis,
    PricingModel,
    RetainedManagement,
    VendorQuote,
    Years,
)
from analysis.workbook import format as fmt
from analysis.workbook import numbers, ranges
from analysis.workbook.cells import (
    CellData,
    Cells,
    cell_is_blank,
    expected_problem,
    found_text,
    number_text,
    plausibility,
    read_field,
    text_value,
)
from analysis.workbook.problems import Problem, Severity

Values = dict[str, object]
"""Fields read from one sheet or row, by field key."""


HOURS_PER_MONTH_PER_AGENT = 160
"""Staffed hours in an agent-month, to compare a monthly price with an hourly range (the
examples' and the sources' rule of thumb: 40 hours × 4 weeks)."""

TOO_MUCH_TRAFFIC = N_(
    "at most {most} monthly contacts for this channel: with this handling time, these opening "
    "hours and the hourly profile, the busiest hour would carry {traffic} erlangs, more than the "
    "{cap} one queue can hold; check the figure, or split the volume between channels"
)


def read_sheets(
    sheets: dict[str, Cells],
) -> tuple[Inputs | None, list[Problem], list[int]]:
    """Reads every sheet, then the cross-sheet rules; Inputs only when there is no error.

    Also returns the row of each quote in `Inputs.quotes`, for warnings that need the inputs.
    """
    problems: list[Problem] = []
    company = _scalars(sheets[fmt.COMPANY], fmt.COMPANY_FIELDS, problems)
    hours = _company_hours(company, problems)
    _currency_rate(company, problems)
    rows = {c: _demand_row(sheets[fmt.DEMAND], c, hours, problems) for c in Channel}
    used = {c: row for c, row in rows.items() if row is not None}
    with_volume = {c for c in Channel if _has_volume(sheets[fmt.DEMAND], c)}
    if not with_volume or (not used and not _any_error(problems)):
        problems.append(Problem(
            fmt.DEMAND, _demand_cell("monthly_contacts", Channel.INBOUND_PHONE), "",
            N_("monthly contacts for at least one channel"),
        ))
    inhouse = _scalars(sheets[fmt.INHOUSE], fmt.INHOUSE_FIELDS, problems)
    retained = _scalars(sheets[fmt.INHOUSE], fmt.RETAINED_FIELDS, problems)
    management = _management(sheets[fmt.INHOUSE], inhouse, problems)
    _against_salary(sheets[fmt.INHOUSE], company, inhouse | retained | management, problems)
    rows_and_quotes = _quotes(sheets[fmt.QUOTES], company, used, with_volume, problems)
    quotes = [quote for _, quote in rows_and_quotes]
    if quotes and not retained.get("manager_fte") and not retained.get("qa_per_month"):
        problems.append(Problem(
            fmt.INHOUSE, _cell(fmt.RETAINED_FIELDS, "manager_fte"), "0",
            N_("a vendor manager or quality-check cost: outsourcing still needs managing, "
               "and without it the quotes look cheaper than they are"),
            Severity.WARNING,
        ))
    assumptions = _assumptions(sheets[fmt.ASSUMPTIONS], problems)
    _traffic(used, assumptions, problems)
    vendors = _vendor_names(sheets[fmt.QUOTES])
    years = _years(sheets[fmt.YEARS], company, vendors, problems)
    given = _ranges(sheets.get(fmt.RANGES, {}), vendors, problems)
    if _any_error(problems):
        return None, problems, []
    inputs = Inputs(
        company=Company(
            name=company["name"], currency=company["currency"], usd_rate=company["usd_rate"],
            hours=hours, horizon_years=company["horizon_years"],
            report_date=company.get("report_date"),
            customer_language=company.get("customer_language"),
            complexity=company.get("contact_complexity") or fmt.COMPLEXITY_MIXED,
        ),
        demand=tuple(used.values()),
        inhouse=InHouseCosts(**inhouse, **management),
        quotes=tuple(quotes),
        retained=RetainedManagement(**retained),
        assumptions=assumptions,
        years=years,
    )
    inputs = replace(inputs, ranges=_ranges_used(inputs, given, problems))
    if _any_error(problems):
        return None, problems, []
    return inputs, problems, [row for row, _ in rows_and_quotes]


def _against_salary(
    cells: Cells, company: Values, values: Values, problems: list[Problem]
) -> None:
    """Plausible ranges relative to the agent's salary, and the salary's own in US dollars."""
    salary = values.get("annual_salary")
    rate = company.get("usd_rate")
    basis = {fmt.Basis.USD: rate}
    if salary:
        basis |= {fmt.Basis.ANNUAL_SALARY: salary, fmt.Basis.MONTHLY_SALARY: salary / 12}
    for spec in fmt.INHOUSE_FIELDS + fmt.RETAINED_FIELDS + fmt.MANAGEMENT_FIELDS:
        rule, value = spec.plausible, values.get(spec.key)
        if rule is None or rule.basis is fmt.Basis.NONE or value is None:
            continue
        if basis.get(rule.basis) is None:
            continue
        params = (("low_usd", number_text(rule.low)), ("high_usd", number_text(rule.high)))
        warning = plausibility(spec, value, cells.get(spec.cell) or CellData(value),
                               spec.sheet, spec.cell, basis[rule.basis], params)
        if warning is not None:
            problems.append(warning)


def peak_traffic(demand: ChannelDemand, assumptions: Assumptions) -> float:
    """Erlangs in the busiest hour of a channel's week, as the staffing stage spreads contacts:
    the same every open day, over the open hours by the hourly profile (evenly when the profile
    is zero over all of them)."""
    hours = demand.hours
    weights = list(assumptions.hourly_profile[hours.open_hour:hours.close_hour])
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    busiest = max(weights) / sum(weights)
    per_day = demand.monthly_contacts / (WEEKS_PER_MONTH * hours.days_per_week)
    return per_day * busiest * demand.aht_seconds / 3600


def _traffic(
    used: dict[Channel, ChannelDemand], assumptions: Assumptions, problems: list[Problem]
) -> None:
    """Each live queue's busiest hour within what one queue can hold (an error otherwise)."""
    for channel, demand in used.items():
        if not channel.is_queued:
            continue
        traffic = peak_traffic(demand, assumptions)
        if traffic <= fmt.MAX_TRAFFIC_ERLANGS:
            continue
        most = math.floor(demand.monthly_contacts * fmt.MAX_TRAFFIC_ERLANGS / traffic)
        problems.append(Problem(
            fmt.DEMAND, _demand_cell("monthly_contacts", channel),
            number_text(demand.monthly_contacts), TOO_MUCH_TRAFFIC,
            params=(("most", number_text(most)), ("traffic", number_text(round(traffic))),
                    ("cap", number_text(fmt.MAX_TRAFFIC_ERLANGS))),
        ))


def _any_error(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _cell(fields: tuple[fmt.Field, ...], key: str) -> str:
    return next(f.cell for f in fields if f.key == key)


def _field(fields: tuple[fmt.Field, ...], key: str) -> fmt.Field:
    return next(f for f in fields if f.key == key)


def _demand_cell(key: str, channel: Channel) -> str:
    return f"{_field(fmt.DEMAND_FIELDS, key).column}{fmt.DEMAND_ROWS[channel]}"


def _scalars(cells: Cells, fields: tuple[fmt.Field, ...], problems: list[Problem]) -> Values:
    """Reads one-value-per-row fields; invalid ones are reported and left out."""
    values: Values = {}
    for spec in fields:
        value = read_field(cells.get(spec.cell), spec, spec.sheet, spec.cell, problems)
        if value is not None or not spec.required:
            values[spec.key] = value
    return values


def _company_hours(company: Values, problems: list[Problem]) -> Hours | None:
    """The company's opening hours: 24/7, or the business days and hours given."""
    if company.get("coverage") == fmt.COVERAGE_24_7:
        return Hours(7, 0, 24)
    if company.get("coverage") != fmt.COVERAGE_BUSINESS_HOURS:
        return None
    keys = fmt.HOURS_KEYS
    for key in keys:
        if company.get(key) is None and _cell(fmt.COMPANY_FIELDS, key) not in _reported(problems):
            spec = _field(fmt.COMPANY_FIELDS, key)
            problems.append(expected_problem(spec, CellData(None), spec.cell))
    return _hours(company, fmt.COMPANY, _cell(fmt.COMPANY_FIELDS, "close_hour"), problems)


def _currency_rate(company: Values, problems: list[Problem]) -> None:
    """A USD company's exchange rate to USD can only be 1."""
    rate = company.get("usd_rate")
    if company.get("currency") == fmt.QUOTE_BASE_CURRENCY and rate not in (None, 1.0):
        problems.append(Problem(
            fmt.COMPANY, _cell(fmt.COMPANY_FIELDS, "usd_rate"), number_text(rate),
            N_("1, because the company currency is USD"),
        ))


def _has_volume(cells: Cells, channel: Channel) -> bool:
    """Whether any volume cell of the channel's row is filled in."""
    return any(
        not cell_is_blank(cells, _demand_cell(k, channel))
        for k in fmt.VOLUME_KEYS
    )


def _reported(problems: list[Problem]) -> set[str]:
    return {p.cell for p in problems}


def _hours(values: Values, sheet: str, close_cell: str, problems: list[Problem]) -> Hours | None:
    days, opening, closing = (values.get(k) for k in fmt.HOURS_KEYS)
    if days is None or opening is None or closing is None:
        return None
    if closing <= opening:
        problems.append(Problem(
            sheet, close_cell, str(closing),
            N_("a closing hour later than the opening hour ({open})"),
            params=(("open", str(opening)),),
        ))
        return None
    return Hours(days, opening, closing)


def _demand_row(
    cells: Cells, channel: Channel, company_hours: Hours | None, problems: list[Problem]
) -> ChannelDemand | None:
    """One channel's row; None when the channel has no volume (not used) or errors."""
    row = fmt.DEMAND_ROWS[channel]
    label_cell = f"{fmt.DEMAND_CHANNEL_COLUMN}{row}"
    label = fmt.choice_label(fmt.CHANNEL_CHOICES, channel)
    found = cells.get(label_cell, CellData(None)).value
    if str(found or "").strip() != label:
        problems.append(Problem(
            fmt.DEMAND, label_cell, found_text(CellData(found)),
            N_("the channel name “{channel}”: the rows of the Demand sheet are fixed"),
            params=(("channel", label),),
        ))
        return None
    spec_cells = {f.key: (f, f"{f.column}{row}") for f in fmt.DEMAND_FIELDS}
    if not _has_volume(cells, channel):
        _ignored_row(cells, channel, spec_cells, problems)
        return None
    before = len(problems)
    values: Values = {}
    for key, (spec, cell) in spec_cells.items():
        data = cells.get(cell)
        if not spec.applies_to(channel):
            _not_applicable(data, spec, cell, channel, problems)
            continue
        values[key] = read_field(data, spec, fmt.DEMAND, cell, problems)
    errors = any(p.severity is Severity.ERROR for p in problems[before:])
    monthly = _monthly_contacts(values, spec_cells, problems)
    hours = _channel_hours(values, spec_cells, company_hours, problems)
    if errors or monthly is None or hours is None:
        return None
    if monthly == 0:
        return None
    queued = channel.is_queued
    return ChannelDemand(
        channel=channel,
        monthly_contacts=monthly,
        aht_seconds=values["aht_seconds"],
        target_seconds=values["answer_seconds"] if queued else values["response_hours"] * 3600,
        service_level=values["service_level"] if queued else None,
        hours=hours,
        customers=values["customers"],
        contacts_per_customer=values["contacts_per_customer"],
        success_rate=values.get("success_rate"),
        patience_seconds=values.get("patience_seconds") if queued else None,
        **_concurrency(values, channel),
        acw_share=values.get("acw_share", ACW_SHARE),
    )


def _concurrency(values: Values, channel: Channel) -> Values:
    """Chat's chats per agent and handling-time growth; blank cells take the defaults."""
    if channel is not Channel.CHAT:
        return {}
    chats, growth = values.get("chats_per_agent"), values.get("aht_growth_per_chat")
    spec = {f.key: f for f in fmt.DEMAND_FIELDS}
    return {
        "chats_per_agent": spec["chats_per_agent"].default if chats is None else chats,
        "aht_growth_per_chat": spec["aht_growth_per_chat"].default if growth is None else growth,
    }


def _ignored_row(
    cells: Cells, channel: Channel, spec_cells: dict, problems: list[Problem]
) -> None:
    """A row with settings but no volume is probably a forgotten volume: say so."""
    filled = [c for _, c in spec_cells.values() if not cell_is_blank(cells, c)]
    if filled:
        problems.append(Problem(
            fmt.DEMAND, spec_cells["monthly_contacts"][1], "",
            N_("monthly contacts (or customers and contacts per customer) for {channel}: "
               "without a volume the channel is not used and cells {cells} are ignored"),
            Severity.WARNING,
            params=(("channel", fmt.choice_label(fmt.CHANNEL_CHOICES, channel)),
                    ("cells", ", ".join(filled))),
        ))


def _not_applicable(
    data: CellData | None, spec: fmt.Field, cell: str, channel: Channel, problems: list[Problem]
) -> None:
    if data is not None and not numbers.is_blank(data.value):
        problems.append(Problem(
            fmt.DEMAND, cell, found_text(data),
            N_("a blank cell: this column is not used for {channel}, so the value is ignored"),
            Severity.WARNING,
            params=(("channel", fmt.choice_label(fmt.CHANNEL_CHOICES, channel)),),
        ))


def _monthly_contacts(values: Values, spec_cells: dict, problems: list[Problem]) -> float | None:
    """Monthly contacts given, derived from customers × rate, or both checked for agreement."""
    monthly, customers, rate = (values.get(k) for k in fmt.VOLUME_KEYS)
    cell = {k: spec_cells[k][1] for k in fmt.VOLUME_KEYS}
    if (customers is None) != (rate is None):
        missing = "customers" if customers is None else "contacts_per_customer"
        other = "contacts_per_customer" if customers is None else "customers"
        if cell[missing] not in _reported(problems):
            problems.append(Problem(
                fmt.DEMAND, cell[missing], "",
                N_("a number here too: {other} is filled, and customers and contacts per "
                   "customer go together"),
                params=(("other", cell[other]),),
            ))
        return None
    if customers is None:
        return monthly
    derived = customers * rate
    if monthly is None:
        return derived
    if abs(monthly - derived) > fmt.AGREEMENT_TOLERANCE * derived:
        problems.append(Problem(
            fmt.DEMAND, cell["monthly_contacts"], number_text(monthly),
            N_("monthly contacts within 5% of {customers_cell} × {rate_cell} = {derived}, "
               "or only one of the two ways filled in"),
            params=(
                ("customers_cell", cell["customers"]),
                ("rate_cell", cell["contacts_per_customer"]),
                ("derived", number_text(derived)),
            ),
        ))
        return None
    return monthly


def _channel_hours(
    values: Values, spec_cells: dict, company_hours: Hours | None, problems: list[Problem]
) -> Hours | None:
    """The channel's own hours when all three are given, else the company's."""
    given = [k for k in fmt.HOURS_KEYS if values.get(k) is not None]
    if not given:
        return company_hours
    if len(given) < len(fmt.HOURS_KEYS):
        for key in fmt.HOURS_KEYS:
            cell = spec_cells[key][1]
            if values.get(key) is None and cell not in _reported(problems):
                problems.append(Problem(
                    fmt.DEMAND, cell, "",
                    N_("a value here too: a channel's own hours need days per week, opening "
                       "and closing hour together (or all three blank)"),
                ))
        return None
    return _hours(values, fmt.DEMAND, spec_cells["close_hour"][1], problems)


def _quotes(
    cells: Cells, company: Values, used: dict[Channel, ChannelDemand],
    with_volume: set[Channel], problems: list[Problem],
) -> list[tuple[int, VendorQuote]]:
    """Every non-blank row of the Quotes sheet, with its row, in the company's currency."""
    last = min(max((_row_of(c) for c in cells), default=fmt.HEADER_ROW), fmt.QUOTE_LAST_ROW)
    quotes = []
    for row in range(fmt.FIRST_ROW, last + 1):
        spec_cells = {f.key: (f, f"{f.column}{row}") for f in fmt.QUOTE_FIELDS}
        if all(cell_is_blank(cells, c) for _, c in spec_cells.values()):
            continue
        before = len(problems)
        values = {
            key: read_field(cells.get(cell), spec, fmt.QUOTES, cell, problems)
            for key, (spec, cell) in spec_cells.items()
        }
        cell = {k: c for k, (_, c) in spec_cells.items()}
        _quote_rules(values, cell, company, used, with_volume, problems)
        _contract_rules(values, cell, used, problems)
        _quote_prices(values, cells, spec_cells, company, problems)
        errors = any(p.severity is Severity.ERROR for p in problems[before:])
        if errors or company.get("usd_rate") is None or company.get("currency") is None:
            continue
        factor = company["usd_rate"] if values["currency"] != company["currency"] else 1.0
        quotes.append((row, VendorQuote(
            vendor=values["vendor"], region=values["region"], channel=Channel(values["channel"]),
            model=PricingModel(values["model"]), rate=values["rate"] * factor,
            commission_per_success=values["commission_per_success"] * factor,
            min_monthly=values["min_monthly"] * factor, setup_fee=values["setup_fee"] * factor,
            exit_fee=values["exit_fee"] * factor,
            currency=None if values["currency"] == company["currency"] else values["currency"],
            **{key: values[key] for key in fmt.CONTRACT_KEYS} | {
                "billing_basis": None if values["billing_basis"] is None
                else BillingBasis(values["billing_basis"])},
        )))
    return quotes


def _quote_prices(
    values: Values, cells: Cells, spec_cells: dict, company: Values, problems: list[Problem]
) -> None:
    """A quote's rate against the published range of its region and pricing model, and its
    commission against the region's hourly range, both in the quote's own currency."""
    region, model, currency = values.get("region"), values.get("model"), values.get("currency")
    rate = company.get("usd_rate")
    if region is None or model is None or currency is None or rate is None:
        return
    factor = rate if currency == company.get("currency") != fmt.QUOTE_BASE_CURRENCY else 1.0
    reference = ref.load()
    hourly = reference.region(region)
    published = {
        PricingModel.SHARED_PER_MINUTE: reference.shared(
            ref.USA_CANADA if region == ref.USA_CANADA else ref.INTERNATIONAL),
        PricingModel.DEDICATED_PER_HOUR: hourly,
        PricingModel.HOURLY_PLUS_COMMISSION: hourly,
    }.get(model)
    ranges = {"commission_per_success": hourly.high * factor}
    if published is not None:
        ranges["rate"] = (published.low * factor, published.high * factor)
    elif model == PricingModel.MONTHLY_PER_AGENT:
        ranges["rate"] = tuple(x * HOURS_PER_MONTH_PER_AGENT * factor
                               for x in (hourly.low, hourly.high))
    for key, basis in ranges.items():
        spec, cell = spec_cells[key]
        value = values.get(key)
        if not value:
            continue
        warning = plausibility(spec, value, cells.get(cell) or CellData(value), fmt.QUOTES, cell,
                               basis)
        if warning is not None:
            problems.append(warning)


def _row_of(coordinate: str) -> int:
    return int(coordinate.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _quote_rules(
    values: Values, cell: dict[str, str], company: Values,
    used: dict[Channel, ChannelDemand], with_volume: set[Channel], problems: list[Problem],
) -> None:
    """Rules linking a quote's columns to each other and to the other sheets."""
    currency, own = values.get("currency"), company.get("currency")
    if currency is not None and own is not None and currency not in (fmt.QUOTE_BASE_CURRENCY, own):
        problems.append(Problem(
            fmt.QUOTES, cell["currency"], currency, N_("USD or the company currency ({currency})"),
            params=(("currency", own),),
        ))
    if currency is not None and own is None and currency != fmt.QUOTE_BASE_CURRENCY:
        problems.append(Problem(
            fmt.QUOTES, cell["currency"], currency,
            N_("USD, or a valid company currency on the Company sheet"),
        ))
    model, channel = values.get("model"), values.get("channel")
    rate, commission = values.get("rate"), values.get("commission_per_success")
    if model is None:
        return
    commission_model = model in fmt.COMMISSION_MODELS
    if model != PricingModel.COMMISSION and rate == 0:
        problems.append(Problem(
            fmt.QUOTES, cell["rate"], number_text(rate),
            N_("a rate above 0 for this pricing model"),
        ))
    if commission_model and commission == 0:
        problems.append(Problem(
            fmt.QUOTES, cell["commission_per_success"], number_text(commission),
            N_("a commission above 0 for this pricing model"),
        ))
    if not commission_model and commission:
        problems.append(Problem(
            fmt.QUOTES, cell["commission_per_success"], number_text(commission),
            N_("a blank cell: only commission pricing models pay per success; "
               "the value is ignored"),
            Severity.WARNING,
        ))
    if channel is None:
        return
    if commission_model and channel != Channel.OUTBOUND_PHONE:
        problems.append(Problem(
            fmt.QUOTES, cell["model"], fmt.choice_label(fmt.MODEL_CHOICES, model),
            N_("a pricing model without commission: commissions are paid on outbound calls, "
               "the only channel with a success rate"),
        ))
    elif commission_model and channel in used and used[channel].success_rate is None:
        problems.append(Problem(
            fmt.DEMAND, _demand_cell("success_rate", Channel.OUTBOUND_PHONE), "",
            N_("the outbound success rate: quote row {row} on the Quotes sheet pays a "
               "commission per success"),
            params=(("row", str(_row_of(cell["vendor"]))),),
        ))
    if channel not in with_volume:
        problems.append(Problem(
            fmt.QUOTES, cell["channel"], fmt.choice_label(fmt.CHANNEL_CHOICES, channel),
            N_("a channel with volume on the Demand sheet; this quote will not be used"),
            Severity.WARNING,
        ))


def _management(cells: Cells, inhouse: Values, problems: list[Problem]) -> Values:
    """The management, training and office block (format v2); blank cells keep the defaults.

    Time on site off the phones is part of the shrinkage: a typed value above it is used as the
    shrinkage, with a warning (a blank one is silently capped the same way).
    """
    values = _scalars(cells, fmt.MANAGEMENT_FIELDS, problems)
    onsite, shrinkage = values.get("onsite_shrinkage"), inhouse.get("shrinkage")
    spec = _field(fmt.MANAGEMENT_FIELDS, "onsite_shrinkage")
    if (onsite is not None and shrinkage is not None and onsite > shrinkage
            and not cell_is_blank(cells, spec.cell)):
        problems.append(Problem(
            fmt.INHOUSE, spec.cell, number_text(round(onsite * 100, 6)),
            N_("at most the shrinkage in {cell} ({shrinkage}%), of which time on site off the "
               "phones is a part: the shrinkage is used"),
            Severity.WARNING,
            params=(("cell", _cell(fmt.INHOUSE_FIELDS, "shrinkage")),
                    ("shrinkage", number_text(round(shrinkage * 100, 6)))),
        ))
    if values.get("software_licences") is not None:
        values["software_licences"] = LicenceBasis(values["software_licences"])
    return values


_UNUSED_TERMS = (
    ("vendor_shrinkage",
     lambda model, basis: basis is BillingBasis.PAID or model is PricingModel.MONTHLY_PER_AGENT,
     N_("a blank cell: the vendor's shrinkage is used only for paid-hour billing and monthly "
        "agents; the value is ignored")),
    ("contract_hours_week", lambda model, basis: model is PricingModel.MONTHLY_PER_AGENT,
     N_("a blank cell: contract hours are used only for monthly-per-agent prices; the value is "
        "ignored")),
    ("resolution_rate", lambda model, basis: model is PricingModel.PER_OUTCOME,
     N_("a blank cell: the resolution rate is used only for prices per resolved contact; the "
        "value is ignored")),
)
"""Contract terms that only some pricing models use: the key, when it is used, the warning."""


def _contract_rules(
    values: Values, cell: dict[str, str], used: dict[Channel, ChannelDemand],
    problems: list[Problem],
) -> None:
    """A quote's contract terms (format v2) against its pricing model and channel."""
    model, basis, channel = values.get("model"), values.get("billing_basis"), values.get("channel")
    if model is None:
        return
    model = PricingModel(model)
    bases = model.bases
    if basis is not None and basis not in bases:
        found = fmt.choice_label(fmt.BASIS_CHOICES, basis)
        if bases:
            labels = ", ".join(fmt.choice_label(fmt.BASIS_CHOICES, b) for b in bases)
            problems.append(Problem(
                fmt.QUOTES, cell["billing_basis"], found,
                N_("for this pricing model one of: {bases} (or blank for the first)"),
                params=(("bases", labels),),
            ))
        else:
            problems.append(Problem(
                fmt.QUOTES, cell["billing_basis"], found,
                N_("a blank cell: this pricing model is billed per agent, per contact or by "
                   "commission, not on hours or minutes"),
            ))
    in_force = BillingBasis(basis) if basis in bases else (bases[0] if bases else None)
    if in_force is BillingBasis.TALK and channel is not None and not Channel(channel).is_live:
        problems.append(Problem(
            fmt.QUOTES, cell["billing_basis"], fmt.choice_label(fmt.BASIS_CHOICES, basis),
            N_("handling time: talk time is billed for phone and chat, and {channel} has none"),
            params=(("channel", fmt.choice_label(fmt.CHANNEL_CHOICES, channel)),),
        ))
    for key, applies, message in _UNUSED_TERMS:
        spec = _field(fmt.QUOTE_FIELDS, key)
        if values.get(key) not in (None, spec.default) and not applies(model, in_force):
            problems.append(Problem(fmt.QUOTES, cell[key], number_text(
                round(values[key] * 100, 6) if spec.kind is fmt.Kind.PERCENT else values[key]),
                message, Severity.WARNING))
    terms = values.get("credit_per_point") or values.get("bonus_per_point")
    demand = used.get(Channel(channel)) if channel is not None else None
    if terms and values.get("sla_target") is None and demand is not None and (
            demand.service_level is None):
        problems.append(Problem(
            fmt.QUOTES, cell["sla_target"], "",
            N_("a contract service-level target: credits and bonuses need one, and {channel} "
               "has no service level target on the Demand sheet"),
            params=(("channel", fmt.choice_label(fmt.CHANNEL_CHOICES, channel)),),
        ))


def _assumptions(cells: Cells, problems: list[Problem]) -> Assumptions:
    """Overrides of the documented defaults; blank cells keep the default."""
    values = _scalars(cells, fmt.ASSUMPTION_FIELDS + fmt.BENCHMARK_FIELDS, problems)
    given = [f for f in fmt.PROFILE_FIELDS if not cell_is_blank(cells, f.cell)]
    if not given:
        return Assumptions(**values)
    profile = [read_field(cells.get(f.cell), f, fmt.ASSUMPTIONS, f.cell, problems)
               for f in fmt.PROFILE_FIELDS]
    if len(given) < len(fmt.PROFILE_FIELDS):
        blank = [f.cell for f in fmt.PROFILE_FIELDS if f not in given]
        problems.append(Problem(
            fmt.ASSUMPTIONS, blank[0], "",
            N_("all 24 hours of the profile filled in, or all blank for the default "
               "(blank: {cells})"),
            params=(("cells", ", ".join(blank)),),
        ))
        return Assumptions(**values)
    if all(v is not None for v in profile) and sum(profile) == 0:
        problems.append(Problem(
            fmt.ASSUMPTIONS, fmt.PROFILE_FIELDS[0].cell, "0",
            N_("an hourly profile with at least one hour above 0"),
        ))
    if any(v is None for v in profile) or sum(profile) == 0:
        return Assumptions(**values)
    for spec, weight in zip(fmt.PROFILE_FIELDS, profile, strict=True):
        warning = plausibility(spec, weight, cells.get(spec.cell) or CellData(weight),
                               fmt.ASSUMPTIONS, spec.cell, sum(profile))
        if warning is not None:
            problems.append(warning)
    return Assumptions(hourly_profile=tuple(profile), **values)


def _vendor_names(cells: Cells) -> list[str]:
    """Every vendor named on the Quotes sheet, in order, once each (rows with errors too: their
    own problems are reported where they are)."""
    column = next(f.column for f in fmt.QUOTE_FIELDS if f.key == "vendor")
    names = []
    for coordinate, data in sorted(cells.items(), key=lambda item: _row_of(item[0])):
        if (coordinate.rstrip("0123456789") == column
                and fmt.FIRST_ROW <= _row_of(coordinate) <= fmt.QUOTE_LAST_ROW
                and not numbers.is_blank(data.value)):
            names.append(text_value(data.value))
    return list(dict.fromkeys(names))


def _years(
    cells: Cells, company: Values, vendors: list[str], problems: list[Problem],
) -> Years:
    """The Years sheet: today's operation (in-house or a vendor of the Quotes sheet), the rates,
    the cost of a change of operation and the planned exit, which must fall inside the horizon."""
    values = _scalars(cells, fmt.YEARS_FIELDS, problems)
    operation = values.pop("current_operation", None) or fmt.INHOUSE_TODAY
    values["current_vendor"] = _current_vendor(operation, vendors, problems)
    horizon, exit_year = company.get("horizon_years"), values.get("exit_year")
    if exit_year is not None and horizon is not None and exit_year >= horizon:
        problems.append(Problem(
            fmt.YEARS, _cell(fmt.YEARS_FIELDS, "exit_year"), str(exit_year),
            N_("a year before the last of the planning horizon ({years}, Company {cell}), "
               "or a blank cell: an exit at the horizon's end or later is not costed"),
            Severity.WARNING,
            params=(("count", str(horizon)),
                    ("cell", _cell(fmt.COMPANY_FIELDS, "horizon_years"))),
            terms=(("years", ONE_YEAR if horizon == 1 else COUNT_YEARS),),
        ))
        values["exit_year"] = None
    return Years(**values)


def _current_vendor(operation: str, vendors: list[str], problems: list[Problem]) -> str | None:
    """None for in-house; else the vendor's name as the Quotes sheet spells it (case aside)."""
    wanted = " ".join(operation.casefold().replace("-", " ").split())
    if wanted in ("in house", "inhouse"):
        return None
    match = [v for v in vendors if v.casefold() == operation.strip().casefold()]
    if match:
        return match[0]
    problems.append(Problem(
        fmt.YEARS, _cell(fmt.YEARS_FIELDS, "current_operation"), operation,
        N_("“{inhouse}” or the name of a vendor on the Quotes sheet ({vendors})"),
        params=(("inhouse", fmt.INHOUSE_TODAY),
                ("vendors", ", ".join(vendors) if vendors else "—")),
    ))
    return None


_RANGE_FIELDS = {f.key: f for f in fmt.RANGE_FIELDS}
UNKNOWN_INPUT = N_("an input from the dropdown list (a new template's Ranges sheet offers every "
                   "one, e.g. “Monthly contacts: Chat” or “Attrition (% of agents leaving per "
                   "year)”)")


def _range_cell(key: str, row: int) -> str:
    return f"{_RANGE_FIELDS[key].column}{row}"


def _ranges(cells: Cells, vendors: list[str],
            problems: list[Problem]) -> list[tuple[int, InputRange]]:
    """The Ranges sheet's rows (format v2), each read in its input's own unit and bounds.

    A row names an input from the dropdown (and, for a vendor's prices or shrinkage, the vendor
    as on the Quotes sheet) with its low and high ends, both given, low at most high, each input
    once. Whether the range holds the workbook's own value is checked once the inputs are read
    (`_ranges_used`).
    """
    found: list[tuple[int, InputRange]] = []
    seen: dict[str, int] = {}
    for row in range(fmt.FIRST_ROW, fmt.RANGE_LAST_ROW + 1):
        if all(cell_is_blank(cells, _range_cell(key, row)) for key in _RANGE_FIELDS):
            continue
        before = len(problems)
        spec = _RANGE_FIELDS["input"]
        cell = _range_cell("input", row)
        if cell_is_blank(cells, cell):
            problems.append(Problem(fmt.RANGES, cell, "", N_(
                "an input from the dropdown list: the row gives a range but not what it is for")))
            continue
        scratch: list[Problem] = []
        chosen = read_field(cells.get(cell), spec, fmt.RANGES, cell, scratch)
        if chosen is None:
            problems += [replace(p, expected=UNKNOWN_INPUT, params=()) if p.params
                         and p.params[0][0] == "choices" else p for p in scratch]
            continue
        kind = ranges.kind_of(str(chosen))
        target = _range_vendor(cells, row, kind, vendors, problems)
        ends = [read_field(cells.get(_range_cell(key, row)),
                           replace(kind.field, key=key, required=True, plausible=None),
                           fmt.RANGES, _range_cell(key, row), problems)
                for key in ("low", "high")]
        if len(problems) > before and _any_error(problems[before:]):
            continue
        low, high = ends
        if low > high:
            problems.append(Problem(
                fmt.RANGES, _range_cell("high", row), number_text(_typed(kind, high)),
                N_("a high end of at least the low end in {cell} ({low})"),
                params=(("cell", _range_cell("low", row)),
                        ("low", number_text(_typed(kind, low)))),
            ))
            continue
        name = ranges.input_id(str(chosen), target)
        if name in seen:
            problems.append(Problem(
                fmt.RANGES, cell, str(cells[cell].value),
                N_("each input once: row {row} already gives this one's range"),
                params=(("row", str(seen[name])),),
            ))
            continue
        seen[name] = row
        found.append((row, InputRange(name, float(low), float(high))))
    return found


def _range_vendor(cells: Cells, row: int, kind: fmt.RangeKind, vendors: list[str],
                  problems: list[Problem]) -> str | None:
    """The vendor a vendor input names, spelled as on the Quotes sheet (case aside); for any
    other input a vendor is ignored with a warning."""
    cell = _range_cell("vendor", row)
    blank = cell_is_blank(cells, cell)
    if kind.scope is not fmt.Scope.VENDOR:
        if not blank:
            problems.append(Problem(
                fmt.RANGES, cell, found_text(cells[cell]),
                N_("a blank cell: only a vendor's prices and shrinkage name a vendor; the value "
                   "is ignored"), Severity.WARNING))
        return None
    name = "" if blank else text_value(cells[cell].value)
    match = [v for v in vendors if v.casefold() == name.strip().casefold()]
    if match:
        return match[0]
    problems.append(Problem(
        fmt.RANGES, cell, name,
        N_("the name of a vendor on the Quotes sheet ({vendors})"),
        params=(("vendors", ", ".join(vendors) if vendors else "—"),),
    ))
    return None


def _typed(kind: fmt.RangeKind, value: float) -> float:
    """A value in the unit people type: percent points for a percentage."""
    return round(value * 100, 6) if kind.field.kind is fmt.Kind.PERCENT else value


def _ranges_used(inputs: Inputs, given: list[tuple[int, InputRange]],
                 problems: list[Problem]) -> tuple[InputRange, ...]:
    """The ranges that apply to this company, each holding the workbook's own value (the
    likeliest of its range). A range for an input that plays no part here is ignored with a
    warning."""
    used = []
    for row, found in given:
        kind = ranges.kind_of(found.input)
        likely = ranges.likely(inputs, found.input)
        cell = _range_cell("input", row)
        if likely is None:
            problems.append(Problem(
                fmt.RANGES, cell, found.input,
                N_("an input that plays a part for this company (a channel with volume, a "
                   "patience or a success rate given on the Demand sheet, chats handled several "
                   "at once, a vendor quote billed on paid hours or per agent); the row is "
                   "ignored"), Severity.WARNING))
            continue
        tolerance = 1e-9 * max(1.0, abs(likely))
        if not found.low - tolerance <= likely <= found.high + tolerance:
            problems.append(Problem(
                fmt.RANGES, _range_cell("low", row),
                f"{number_text(_typed(kind, found.low))} – {number_text(_typed(kind, found.high))}",
                N_("a range that holds the workbook's own value, {likely}, the likeliest of the "
                   "range"),
                params=(("likely", number_text(round(_typed(kind, likely), 6))),),
            ))
            continue
        used.append(found)
    return tuple(used)
