from __future__ import annotations

import datetime as dt

from backend.factories import (
    CommunityFactory,
    MicroWishFactory,
    NeedFactory,
    PersonFactory,
    ServiceRecordFactory,
    StreetFactory,
    VolunteerTeamFactory,
)
from tests.client import GraphQLClient
from tests.helpers import gid

RECORDS = """
query Records($filter: ServiceRecordFilter) {
  serviceRecords(filter: $filter) {
    totalCount
    nodes {
      description minutes hours points
      person { name } team { name } need { title } microWish { title beneficiaryName }
      project { title }
    }
  }
}
"""
MAY_DAY = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)


async def test_records_are_newest_first_and_link_to_what_was_served(gql: GraphQLClient) -> None:
    # given a volunteer who served a micro-wish with a team, then a need on their own
    volunteer = PersonFactory.create(name="陈静")
    team = VolunteerTeamFactory.create(name="城东义诊队")
    wish = MicroWishFactory.create(
        title="想要一台收音机", beneficiary=PersonFactory.create(name="刘德福")
    )
    need = NeedFactory.create(title="楼道照明损坏")
    ServiceRecordFactory.create(
        person=volunteer, team=team, micro_wish_id=wish.id, minutes=45, started_at=MAY_DAY
    )
    ServiceRecordFactory.create(
        person=volunteer,
        team=None,
        team_id=None,
        need_id=need.id,
        minutes=90,
        started_at=MAY_DAY + dt.timedelta(days=1),
    )

    # when
    data = await gql.data(RECORDS, {"filter": {"person": gid("Person", volunteer.id)}})

    # then
    later, earlier = data["serviceRecords"]["nodes"]
    assert (later["minutes"], later["hours"], later["team"]) == (90, 1.5, None)
    assert later["need"] == {"title": "楼道照明损坏"}
    assert earlier["hours"] == 0.75
    assert earlier["team"] == {"name": "城东义诊队"}
    assert earlier["microWish"] == {"title": "想要一台收音机", "beneficiaryName": "刘**"}
    assert earlier["person"] == {"name": "陈静"}


async def test_records_are_filtered_by_team_and_by_where_the_team_or_task_belongs(
    gql: GraphQLClient,
) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(street=street)
    west = CommunityFactory.create(street=street)
    east_team = VolunteerTeamFactory.create(community=east)
    west_team = VolunteerTeamFactory.create(community=west)
    ServiceRecordFactory.create(team=east_team, description="城东服务")
    ServiceRecordFactory.create(team=west_team, description="城西服务")
    ServiceRecordFactory.create(
        team=None,
        team_id=None,
        need_id=NeedFactory.create(community=east).id,
        description="城东需求",
    )

    by_team = await gql.data(RECORDS, {"filter": {"team": gid("VolunteerTeam", west_team.id)}})
    in_east = await gql.data(RECORDS, {"filter": {"organisation": gid("Organisation", east.id)}})
    in_street = await gql.data(
        RECORDS, {"filter": {"organisation": gid("Organisation", street.id)}}
    )

    assert [n["description"] for n in by_team["serviceRecords"]["nodes"]] == ["城西服务"]
    assert sorted(n["description"] for n in in_east["serviceRecords"]["nodes"]) == [
        "城东服务",
        "城东需求",
    ]
    assert in_street["serviceRecords"]["totalCount"] == 3
