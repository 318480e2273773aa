"""The decision over the years: every option's costs month by month over the planning horizon,
starting from today's operation, and its present value, net present value and payback.

Stage order: options <- horizon <- uncertainty <- recommend. `options` prices a steady-state year
of each option; this stage lays the years of the horizon out month by month (`Years`, the
workbook's Years sheet, holds the inputs):

- every year is priced again at that year's contacts (`volume_growth`, one step a year), so
  staffing, headcount, seats and vendors' minimum commitments follow the volume;
- in-house pay rises by `salary_inflation` a year: agents' salaries, the shift premium, employer
  on-cost, team leads, the management layer (operations managers, quality analysts, planners),
  trainees' wages, and the retained vendor management (the manager and the quality checks,
  which are staff time). Recruitment, training, equipment, software, rent and overhead stay at
  today's prices: the workbook has no general inflation, and these follow it more than pay;
- vendors' charges (everything a quote bills but its set-up and exit fees) rise by
  `vendor_escalation` a year; an amount quoted in US dollars (a quote in USD, every published
  price) also follows the exchange rate, which changes by `usd_rate_change` a year (flat when 0);
- a change of operation at month t (from today's operation to the option at the start, and from
  an outsourced option back in-house at the planned exit) costs, in month t, the knowledge
  transfer, the new vendors' set-up fees (today's vendor pays none: `costs.setup_fee_due`), the
  hiring and training of the people the new operation needs beyond those in place (the InHouse
  sheet's recruitment and training per hire);
  during the `dual_running_months` from t the old operation runs alongside and is paid too (its
  vendors' charges, its vendor management when the new operation has none, and the people about
  to leave, at the in-house team's cost per person); in the first month without it (t + the
  dual-running months; t itself without dual running) the exit fees of the contracts left and the
  severance of the people let go (`severance_months` of their salary) fall due;
- the team resized without a change of operation (today's team to the modelled one, or a year's
  growth) costs the hiring and training or the severance, in the month the new size starts;
- with a planned exit year, an option with any vendor leaves all its vendors at the end of that
  year and is the in-house team from the next; without one, no exit fee is paid within the
  horizon. (A steady-state year in `options` spreads set-up and exit fees over the horizon;
  here each is paid in the month it falls, and only if it falls.)

Conventions. Every amount is a cost, nominal (the money of the month it is paid), in the
company's currency, positive when the company pays. A saving is today's operation's cost minus
the option's: positive when the option costs less. Months are numbered 1 to 12 x horizon years;
year y holds months 12(y - 1) + 1 to 12y, and a change of year's prices or volume starts with the
year's first month. Discounting is end of month: an amount paid in month m is worth
(1 + r)^(-m/12) of it today, r the yearly discount rate, so a year's twelve payments are
discounted by between (1 + r)^(-1/12) and (1 + r)^(-1). A payment that would fall after the
horizon's last month is outside the horizon and not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.costs import INHOUSE_CATEGORIES, QuoteCost, setup_fee_due
from analysis.i18n import N_
from analysis.model import MONTHS_PER_YEAR, Inputs, VendorQuote
from analysis.options import OptionCost, Scenario, evaluate, spec_of

RUNNING = ("vendor", "retained", *(f"inhouse.{name}" for name, _label in INHOUSE_CATEGORIES))
"""The lines of the operation in place: vendors' charges, vendor management kept, and each
in-house cost category (`costs.INHOUSE_CATEGORIES`)."""
ONE_OFF = ("knowledge_transfer", "setup_fees", "dual_running", "hiring", "severance",
           "exit_fees")
"""What a change of operation or of team size costs."""
EVENTS = ("transition", "growth", "exit")
"""When a one-off falls: the change from today's operation at the start, a team resized for a
year's volume, the planned exit back in-house."""
LINES = RUNNING + tuple(f"{event}.{kind}" for event in EVENTS for kind in ONE_OFF)
"""The columns of `OptionYears.amounts`, in order."""
SALARY_DRIVEN = ("salaries", "shift_premium", "oncost", "supervision", "operations_management",
                 "quality", "planning", "trainee_wages")
"""The in-house categories that follow pay (`Years.salary_inflation`)."""

ONE_OFF_NAMES = {
    "knowledge_transfer": N_("Knowledge transfer"),
    "setup_fees": N_("Vendors' set-up fees"),
    "dual_running": N_("Dual running"),
    "hiring": N_("Hiring and training"),
    "severance": N_("Severance"),
    "exit_fees": N_("Vendors' exit fees"),
}
EVENT_NAMES = {
    "transition": N_("Change from today's operation"),
    "growth": N_("Team resized with the volume"),
    "exit": N_("Planned exit back in-house"),
}

_COLUMN = {line: index for index, line in enumerate(LINES)}
_RUNNING = np.arange(len(RUNNING))


def column(line: str) -> int:
    """The index of a line id in `LINES` (KeyError for an unknown one)."""
    return _COLUMN[line]


@dataclass(frozen=True, eq=False)
class OptionYears:
    """One option over the planning horizon, against today's operation.

    `amounts` has shape (months, len(LINES)): nominal costs in the company's currency, positive
    when paid (see the module's conventions). `saving` has shape (months,): today's operation's
    monthly cost minus this option's. `present_value` is the discounted sum of every cost; `npv`
    the discounted sum of the saving (today's present value minus this one: positive when the
    option saves money). `payback_month` is the first month whose cumulative undiscounted saving,
    transition costs included, is zero or more (1 for today's operation itself, whose saving is
    zero every month), None when no month of the horizon reaches it. `exit_month` is the first
    month back in-house under the planned exit, None without one.
    """

    option: OptionCost
    """The option's first year, as `options` priced it."""
    amounts: np.ndarray
    saving: np.ndarray
    present_value: float
    npv: float
    payback_month: int | None
    exit_month: int | None

    @property
    def id(self) -> str:
        return self.option.id

    @property
    def months(self) -> int:
        return self.amounts.shape[0]

    @property
    def total(self) -> np.ndarray:
        """Shape (months,): everything paid in each month."""
        return self.amounts.sum(axis=1)

    @property
    def cumulative(self) -> np.ndarray:
        """Shape (months,): everything paid up to the end of each month, undiscounted."""
        return np.cumsum(self.total)

    @property
    def annual_cost_by_year(self) -> np.ndarray:
        """Shape (years,): the nominal cost of each year of the horizon, one-offs included."""
        return self.total.reshape(-1, MONTHS_PER_YEAR).sum(axis=1)

    def line(self, line: str) -> np.ndarray:
        """Shape (months,): one line of `LINES`."""
        return self.amounts[:, column(line)]

    def one_off(self, event: str, kind: str | None = None) -> float:
        """The undiscounted total of one event's one-offs (of one kind, or all of them)."""
        kinds = (kind,) if kind else ONE_OFF
        return float(sum(self.line(f"{event}.{k}").sum() for k in kinds))


@dataclass(frozen=True, eq=False)
class Horizon:
    """Every option of a scenario over the planning horizon, against today's operation.

    `discount` has shape (months,): the factor (1 + r)^(-m/12) of month m = 1, 2, ...
    """

    scenario: Scenario
    today_id: str
    discount: np.ndarray
    options: tuple[OptionYears, ...]

    @property
    def years(self) -> int:
        return len(self.discount) // MONTHS_PER_YEAR

    @property
    def months(self) -> int:
        return len(self.discount)

    def option(self, option_id: str) -> OptionYears:
        return next(o for o in self.options if o.id == option_id)

    @property
    def today(self) -> OptionYears:
        return self.option(self.today_id)

    @property
    def inhouse(self) -> OptionYears:
        return self.option(self.scenario.inhouse.id)

    @property
    def best_outsourced(self) -> OptionYears:
        """The competing outsourced option (`Scenario.candidates`) cheapest over the horizon."""
        return min((self.option(o.id) for o in self.scenario.candidates),
                   key=lambda o: o.present_value)

    def level_factor(self, option_id: str) -> float:
        """What a saving of 1 a year, paid monthly while the option runs its own operation (up to
        its planned exit), is worth today: the sum of those months' discount factors / 12."""
        found = self.option(option_id)
        months = found.exit_month - 1 if found.exit_month else self.months
        return float(self.discount[:months].sum() / MONTHS_PER_YEAR)

    def table(self, option_ids: Sequence[str] | None = None) -> pd.DataFrame:
        """One row per option: present value, NPV, payback month, the one-offs of each event
        and the cost of each year (`year_1` ...), in the order of `option_ids` (all by default).
        """
        rows = []
        for found in (self.option(i) for i in (option_ids or [o.id for o in self.options])):
            row = {"id": found.id, "present_value": found.present_value, "npv": found.npv,
                   "payback_month": found.payback_month, "exit_month": found.exit_month}
            row |= {event: found.one_off(event) for event in EVENTS}
            row |= {f"year_{y}": cost for y, cost in enumerate(found.annual_cost_by_year, 1)}
            rows.append(row)
        return pd.DataFrame(rows)


def current_id(inputs: Inputs) -> str:
    """The option id of today's operation: the in-house team, or today's vendor."""
    vendor = inputs.years.current_vendor
    return f"vendor:{vendor}" if vendor else "inhouse"


def discount_factors(rate: float, months: int) -> np.ndarray:
    """Shape (months,): (1 + rate)^(-m/12) for m = 1 ... months (end-of-month discounting)."""
    return (1.0 + rate) ** (-np.arange(1, months + 1) / MONTHS_PER_YEAR)


def grown(inputs: Inputs, factor: float) -> Inputs:
    """The inputs with every channel's contacts (and customers) multiplied by `factor`."""
    demand = tuple(
        replace(d, monthly_contacts=d.monthly_contacts * factor,
                customers=None if d.customers is None else d.customers * factor)
        for d in inputs.demand
    )
    return replace(inputs, demand=demand)


def year_scenarios(scenario: Scenario) -> tuple[Scenario, ...]:
    """One scenario per year of the horizon: year y priced at today's contacts x (1 + growth)^
    (y - 1), the same options as the scenario given. Without growth every year is that
    scenario."""
    inputs = scenario.context.inputs
    growth = inputs.years.volume_growth
    years = inputs.company.horizon_years
    if not growth:
        return (scenario,) * years
    reference = scenario.context.reference
    same = [spec_of(o) for o in scenario.options]
    return (scenario, *(evaluate(grown(inputs, (1 + growth) ** y), reference, same)
                        for y in range(1, years)))


def evaluate_horizon(scenario: Scenario) -> Horizon:
    """Every option of `scenario` month by month over the horizon, against today's operation."""
    inputs = scenario.context.inputs
    years = year_scenarios(scenario)
    months = MONTHS_PER_YEAR * len(years)
    discount = discount_factors(inputs.years.discount_rate, months)
    today_id = current_id(inputs)
    layout = _Layout(inputs, years, today_id)
    amounts = {o.id: layout.amounts(o.id) for o in scenario.options}
    today = amounts[today_id].sum(axis=1)
    found = []
    for option in scenario.options:
        total = amounts[option.id].sum(axis=1)
        saving = today - total
        found.append(OptionYears(
            option=option, amounts=amounts[option.id], saving=saving,
            present_value=float(total @ discount), npv=float(saving @ discount),
            payback_month=payback_month(saving, scale=float(np.abs(today).sum())),
            exit_month=layout.exit_month(option.id),
        ))
    return Horizon(scenario, today_id, discount, tuple(found))


def payback_month(saving: np.ndarray, scale: float = 0.0) -> int | None:
    """The first month (from 1) whose cumulative saving is zero or more; None if none is.

    Rounding in sums of `scale` (the money involved) is not a loss: a cumulative saving above
    -1e-9 x scale counts as zero.
    """
    reached = np.flatnonzero(np.cumsum(saving) >= -1e-9 * max(scale, 1.0))
    return int(reached[0]) + 1 if reached.size else None


def _signature(option: OptionCost) -> frozenset[tuple[str, str, str, str]]:
    """Who serves what: (channel, vendor, region, pricing model) of every quote. Two options with
    the same signature are the same operation (however their in-house part is sized)."""
    return frozenset(_signature_of(q) for q in option.quotes)


def people(option: OptionCost) -> np.ndarray:
    """Shape (2,): the option's in-house agents and team leads."""
    cost = option.inhouse
    return np.array([cost.headcount, cost.team_leads]) if cost else np.zeros(2)


class _Layout:
    """Lays options out month by month for one set of inputs and its year scenarios."""

    def __init__(self, inputs: Inputs, years: Sequence[Scenario], today_id: str):
        plan = inputs.years
        self.inputs, self.plan, self.years, self.today_id = inputs, plan, years, today_id
        steps = np.arange(len(years))
        self.pay = (1 + plan.salary_inflation) ** steps
        self.escalation = (1 + plan.vendor_escalation) ** steps
        self.exchange = (1 + plan.usd_rate_change) ** steps
        costs = inputs.inhouse
        self.hire_cost = costs.recruitment_per_hire + costs.training_per_hire
        self.monthly_pay = np.array([costs.annual_salary, costs.team_lead_salary]) / 12
        self.per_person = np.array([self._per_person(y) for y in steps])
        today = years[0].option(today_id)
        if plan.current_team is None:
            self.team_today = people(today)
        else:
            ratio = costs.agents_per_team_lead
            self.team_today = np.array([plan.current_team,
                                        plan.current_team / ratio if ratio else 0.0])

    @property
    def months(self) -> int:
        return MONTHS_PER_YEAR * len(self.years)

    def exit_month(self, option_id: str) -> int | None:
        """The first month back in-house under the planned exit: only for an option with a
        vendor, and only when the exit falls before the horizon's last year."""
        exit_year = self.plan.exit_year
        if exit_year is None or exit_year >= len(self.years):
            return None
        if not self.years[0].option(option_id).quotes:
            return None
        return MONTHS_PER_YEAR * exit_year + 1

    def amounts(self, option_id: str) -> np.ndarray:
        """Shape (months, len(LINES)) for one option (see the module's rules)."""
        out = np.zeros((self.months, len(LINES)))
        own = [s.option(option_id) for s in self.years]
        inhouse = [s.inhouse for s in self.years]
        exit_month = self.exit_month(option_id)
        running = [inhouse[y] if exit_month and self._month(y) >= exit_month else own[y]
                   for y in range(len(self.years))]
        for y, option in enumerate(running):
            out[self._month(y) - 1:self._month(y) + 11, _RUNNING] = self._running(option, y)
        today = [s.option(self.today_id) for s in self.years]
        if _signature(own[0]) != _signature(today[0]):
            self._change(out, "transition", 1, today, own, self.team_today)
        else:
            self._resize(out, "transition", 1, self.team_today, people(own[0]))
        for y in range(1, len(self.years)):
            if self._month(y) != exit_month:
                self._resize(out, "growth", self._month(y), people(running[y - 1]),
                             people(running[y]))
        if exit_month:
            last = (exit_month - 1) // MONTHS_PER_YEAR - 1
            self._change(out, "exit", exit_month, own, inhouse, people(own[last]))
        return out

    @staticmethod
    def _month(year: int) -> int:
        """The first month of a year counted from 0 (1 for the first year, 13 for the second)."""
        return MONTHS_PER_YEAR * year + 1

    def _follows_rate(self, quote: VendorQuote) -> bool:
        return quote.currency not in (None, self.inputs.company.currency)

    def _vendor_charges(self, quotes: Sequence[QuoteCost], year: int) -> float:
        """A month of these quotes' charges in `year`: escalated, and moved with the exchange
        rate when quoted in US dollars."""
        return sum(
            (q.total - q.fees) * self.escalation[year]
            * (self.exchange[year] if self._follows_rate(q.quote) else 1.0)
            for q in quotes
        ) / MONTHS_PER_YEAR

    def _running(self, option: OptionCost, year: int) -> np.ndarray:
        row = np.zeros(len(RUNNING))
        row[0] = self._vendor_charges(option.quotes, year)
        row[1] = option.retained * self.pay[year] / MONTHS_PER_YEAR
        if option.inhouse is not None:
            for index, (name, _label) in enumerate(INHOUSE_CATEGORIES, start=2):
                rise = self.pay[year] if name in SALARY_DRIVEN else 1.0
                row[index] = getattr(option.inhouse, name) * rise / MONTHS_PER_YEAR
        return row

    def _per_person(self, year: int) -> float:
        """A month of one in-house person (agent or team lead) in `year`: the in-house team's
        monthly cost over its people."""
        team = self.years[year].inhouse
        count = people(team).sum()
        return float(self._running(team, year)[2:].sum() / count) if count else 0.0

    def _fee(self, quotes: Sequence[QuoteCost], fee: str, month: int) -> float:
        """A fee ("setup_fee" or "exit_fee") of these quotes paid in `month`, at that year's
        exchange rate when quoted in US dollars (fees are not escalated: a contract fixes them)."""
        year = (month - 1) // MONTHS_PER_YEAR
        return sum(getattr(q.quote, fee) * (self.exchange[year] if self._follows_rate(q.quote)
                                            else 1.0) for q in quotes)

    def _resize(self, out: np.ndarray, event: str, month: int, before: np.ndarray,
                after: np.ndarray) -> None:
        """Hiring and training, or severance, in `month` for a team going from `before` to
        `after` people (agents, team leads)."""
        year = (month - 1) // MONTHS_PER_YEAR
        out[month - 1, column(f"{event}.hiring")] += np.clip(after - before, 0, None).sum() \
            * self.hire_cost
        leaving = np.clip(before - after, 0, None)
        out[month - 1, column(f"{event}.severance")] += (
            leaving @ self.monthly_pay * self.plan.severance_months * self.pay[year])

    def _change(self, out: np.ndarray, event: str, month: int, old: Sequence[OptionCost],
                new: Sequence[OptionCost], before: np.ndarray) -> None:
        """A change of operation starting in `month`, from `old` to `new` (per year), with
        `before` people in-house."""
        year = (month - 1) // MONTHS_PER_YEAR
        kept, gained = _signature(old[year]), _signature(new[year])
        left = [q for q in old[year].quotes if _signature_of(q) not in gained]
        added = [q for q in new[year].quotes if _signature_of(q) not in kept]
        after = people(new[year])
        row = out[month - 1]
        row[column(f"{event}.knowledge_transfer")] += self.plan.knowledge_transfer
        new_vendors = [q for q in added if setup_fee_due(q.quote, self.inputs)]
        row[column(f"{event}.setup_fees")] += self._fee(new_vendors, "setup_fee", month)
        row[column(f"{event}.hiring")] += np.clip(after - before, 0, None).sum() * self.hire_cost
        leaving = np.clip(before - after, 0, None)
        stop = min(month + self.plan.dual_running_months, self.months + 1)
        for dual in range(month, stop):
            y = (dual - 1) // MONTHS_PER_YEAR
            cost = self._vendor_charges(left, y) + leaving.sum() * self.per_person[y]
            if old[y].retained and not new[y].retained:
                cost += old[y].retained * self.pay[y] / MONTHS_PER_YEAR
            out[dual - 1, column(f"{event}.dual_running")] += cost
        if stop <= self.months:
            y = (stop - 1) // MONTHS_PER_YEAR
            out[stop - 1, column(f"{event}.exit_fees")] += self._fee(left, "exit_fee", stop)
            out[stop - 1, column(f"{event}.severance")] += (
                leaving @ self.monthly_pay * self.plan.severance_months * self.pay[y])


def _signature_of(quote: QuoteCost) -> tuple[str, str, str, str]:
    return (str(quote.volume.channel), quote.quote.vendor, quote.quote.region,
            str(quote.quote.model))
