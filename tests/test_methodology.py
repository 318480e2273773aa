"""The methodology describes the in-house cost as chapter 04 counts it: every cost line, each by
its rule, with the workbook's own spans, weeks and licence basis (no figure copied into prose)."""

from dataclasses import replace

import pytest

from analysis import report
from analysis.model import LicenceBasis
from analysis.workbook import load
from analysis.workbook.examples import EXAMPLES_DIR


@pytest.fixture(scope="module")
def gulf():
    inputs, _warnings = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    return inputs


def test_every_line_of_the_inhouse_cost_with_its_rule(gulf):
    """The fourteen lines of chapter 04's breakdown, in its order, the managers, analysts,
    planners and trainees' wages among them; the Gulf workbook's spans: a team lead per 15
    agents, an operations manager and a planner per 75, a quality analyst per 25, 4 weeks of
    paid training, licences per user."""
    lines = report.inhouse_rules(gulf, "en").text.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "- Salaries", "- Night and weekend shift premium", "- Employer taxes and benefits",
        "- Supervision (team leads)", "- Operations managers", "- Quality analysts",
        "- Workforce planners", "- Recruitment", "- Training",
        "- Trainees' wages during training", "- Equipment", "- Software", "- Rent",
        "- Maintenance and overhead"]
    assert "one team lead per 15 agents" in lines[3]
    assert "one operations manager per 75 agents" in lines[4]
    assert "one quality analyst per 25 agents" in lines[5]
    assert "one workforce planner per 75 agents" in lines[6]
    assert "4 weeks' pay" in lines[9]
    assert lines[11] == "- Software: a licence for every agent, team lead and manager, each month"


def test_the_rules_follow_the_workbook(gulf):
    """Licences per desk, blank manager salaries, a quality analyst per 10 agents and 6 weeks
    of training: the prose says so, and the software price is labelled per desk."""
    inhouse = replace(gulf.inhouse, software_licences=LicenceBasis.PER_SEAT,
                      operations_manager_salary=None, quality_analyst_salary=None,
                      agents_per_quality_analyst=10, training_weeks=6)
    inputs = replace(gulf, inhouse=inhouse)
    text = report.inhouse_rules(inputs, "en").text
    assert "- Software: a licence for every desk, each month" in text
    assert "one operations manager per 75 agents, paid 1.5 × the team-lead salary" in text
    assert "one quality analyst per 10 agents, paid the team-lead salary" in text
    assert "6 weeks' pay" in text
    rows = report.assumptions_table(inputs, "en").text
    assert "Software per licence, one for every desk (company currency per month)" in rows
    assert "Software per seat" not in rows


def test_the_software_price_is_per_licence_per_user_by_default(gulf):
    rows = report.assumptions_table(gulf, "en").text
    assert "Software per licence, one for every user (company currency per month)" in rows


@pytest.mark.parametrize("lang, word", [("ar", "محلل"), ("ro", "analist")])
def test_the_rules_in_the_readers_language(gulf, lang, word):
    text = report.inhouse_rules(gulf, lang).text
    assert word in text and "agents" not in text
