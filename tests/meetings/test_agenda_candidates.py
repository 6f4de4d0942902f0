"""agendaCandidates: what the next meeting should discuss, each with its reason and source."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from backend.cobuilding.models import Need, NeedStatus, Project, ProjectStatus
from backend.core.principal import Role
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AgreementFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    MilestoneFactory,
    NeedFactory,
    ProjectFactory,
    ProposalFactory,
    RegistrationFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AgendaSource,
    DecisionOutcome,
    MeetingStatus,
    Proposal,
    ProposalStatus,
)
from backend.organisations.models import Organisation
from backend.units.models import CoBuildingAgreement, ResidentUnit
from tests.client import CountStatements, GraphQLClient
from tests.helpers import gid

CANDIDATES = """
query C($community: ID!, $before: DateTime) {
  agendaCandidates(community: $community, before: $before) {
    source sourceLabel sourceId title reason since candidateKey
  }
}
"""
MEETING_DAY = dt.datetime(2026, 12, 17, 1, 30, tzinfo=dt.UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


class Record(TypedDict):
    """The rows `build_community` makes that the tests look at."""

    west: Organisation
    east: Organisation
    overdue: ActionItem
    deferred: AgendaItem
    need: Need
    late: Project
    proposal: Proposal
    newcomer: ResidentUnit
    expiring: CoBuildingAgreement


def build_community() -> Record:
    street = StreetFactory.create()
    west = CommunityFactory.create(name="城西社区党委", street=street)
    east = CommunityFactory.create(name="城东社区党委", street=street)
    unit = ResidentUnitFactory.create(community=west, name="龙山物业")
    # the previous quarterly meeting, closed, with an open action and a deferred item
    previous = MeetingFactory.create(
        community=west, starts_at=utc(2026, 9, 17, 1, 30), status=MeetingStatus.MINUTES_PUBLISHED
    )
    item = AgendaItemFactory.create(meeting=previous, position=1, title="研究停车难问题")
    decision = DecisionFactory.create(agenda_item=item)
    overdue = ActionItemFactory.create(
        decision=decision,
        owner_unit=unit,
        title="划定临时停车位",
        due_on=dt.date(2026, 11, 1),
        status=ActionItemStatus.IN_PROGRESS,
    )
    ActionItemFactory.create(
        decision=decision,
        owner_unit=unit,
        title="已完成的事项",
        due_on=dt.date(2026, 10, 1),
        status=ActionItemStatus.VERIFIED,
    )
    ActionItemFactory.create(
        decision=decision, owner_unit=unit, title="明年的事项", due_on=dt.date(2027, 3, 1)
    )
    deferred_item = AgendaItemFactory.create(meeting=previous, position=2, title="加装电梯方案")
    DecisionFactory.create(agenda_item=deferred_item, outcome=DecisionOutcome.DEFERRED)
    # the record since
    need = NeedFactory.create(community=west, title="楼道照明损坏", raised_at=utc(2026, 10, 1, 1))
    NeedFactory.create(community=west, title="刚提出的需求", raised_at=utc(2026, 12, 10, 1))
    NeedFactory.create(
        community=west, title="已解决的需求", raised_at=utc(2026, 8, 1, 1), status=NeedStatus.SOLVED
    )
    late = ProjectFactory.create(community=west, title="路灯改造", status=ProjectStatus.IN_PROGRESS)
    MilestoneFactory.create(project=late, due_on=dt.date(2026, 12, 1), title="完成施工")
    on_time = ProjectFactory.create(
        community=west, title="按期项目", status=ProjectStatus.IN_PROGRESS
    )
    MilestoneFactory.create(project=on_time, due_on=dt.date(2027, 1, 1))
    proposal = ProposalFactory.create(
        community=west, title="增设休闲座椅", status=ProposalStatus.ACCEPTED
    )
    ProposalFactory.create(community=west, title="待处理的建议")
    newcomer = ResidentUnitFactory.create(community=west, name="新来的公司")
    RegistrationFactory.create(unit=newcomer, registered_on=dt.date(2026, 10, 8))
    RegistrationFactory.create(unit=unit, registered_on=dt.date(2026, 1, 8))
    expiring = AgreementFactory.create(
        unit=unit, ends_on=dt.date(2027, 1, 31), title="龙山物业共建协议"
    )
    # the neighbouring community's record is not this meeting's business
    NeedFactory.create(community=east, title="城东的需求", raised_at=utc(2026, 1, 1, 1))
    return {
        "west": west,
        "east": east,
        "overdue": overdue,
        "deferred": deferred_item,
        "need": need,
        "late": late,
        "proposal": proposal,
        "newcomer": newcomer,
        "expiring": expiring,
    }


async def candidates(
    gql: GraphQLClient, community: Organisation, before: dt.datetime = MEETING_DAY
) -> list[dict[str, Any]]:
    data = await gql.data(
        CANDIDATES, {"community": gid("Organisation", community.id), "before": before.isoformat()}
    )
    found: list[dict[str, Any]] = data["agendaCandidates"]
    return found


async def test_every_source_appears_once_with_its_reason(gql: GraphQLClient) -> None:
    record = build_community()

    first = await candidates(gql, record["west"])
    second = await candidates(gql, record["west"])

    assert first == second
    assert [(c["source"], c["title"]) for c in first] == [
        ("ACTION_ITEM", "划定临时停车位"),
        ("DEFERRED_ITEM", "加装电梯方案"),
        ("PROJECT", "路灯改造"),
        ("NEED", "楼道照明损坏"),
        ("PROPOSAL", "增设休闲座椅"),
        ("AGREEMENT", "龙山物业共建协议"),
        ("REGISTRATION", "欢迎新报到单位：新来的公司"),
    ]
    reasons = {c["source"]: c["reason"] for c in first}
    assert reasons["ACTION_ITEM"] == "督办事项已逾期 46 天（办理中）。"
    assert reasons["PROJECT"] == "项目里程碑已逾期 16 天。"
    assert reasons["NEED"] == "群众需求提出 77 天仍未匹配资源或项目。"
    assert reasons["AGREEMENT"] == "共建协议将于 2027-01-31 到期，需商议续签。"
    assert {c["source"]: c["sourceId"] for c in first}["ACTION_ITEM"] == gid(
        "ActionItem", record["overdue"].id
    )


async def test_what_is_on_an_open_agenda_is_left_out_until_that_meeting_closes(
    gql: GraphQLClient,
) -> None:
    record = build_community()
    upcoming = MeetingFactory.create(
        community=record["west"], starts_at=MEETING_DAY, status=MeetingStatus.DRAFT
    )
    AgendaItemFactory.create(
        meeting=upcoming,
        position=1,
        title="督办：划定临时停车位",
        source=AgendaSource.ACTION_ITEM,
        source_id=record["overdue"].id,
    )

    while_scheduled = await candidates(gql, record["west"])
    upcoming.status = MeetingStatus.CLOSED
    from backend.factories import session

    session.commit()
    after_closing = await candidates(gql, record["west"], MEETING_DAY + dt.timedelta(days=90))

    assert "ACTION_ITEM" not in {c["source"] for c in while_scheduled}
    assert ("ACTION_ITEM", "划定临时停车位") in {(c["source"], c["title"]) for c in after_closing}


async def test_a_convener_of_another_community_gets_not_found(gql: GraphQLClient) -> None:
    record = build_community()
    gql.sign_in(Role.CONVENER, record["east"])

    body = await gql.execute(
        CANDIDATES, {"community": gid("Organisation", record["west"].id), "before": None}
    )

    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_the_statement_count_does_not_grow_with_the_record(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    record = build_community()
    with count_statements() as small:
        await candidates(gql, record["west"])
    for n in range(10):
        NeedFactory.create(community=record["west"], title=f"需求{n}", raised_at=utc(2026, 9, 1, 1))
        ProposalFactory.create(
            community=record["west"], title=f"建议{n}", status=ProposalStatus.ACCEPTED
        )
    with count_statements() as large:
        found = await candidates(gql, record["west"])

    assert len(found) == 27
    assert small.count == large.count
