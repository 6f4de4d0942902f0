"""The hours certificate PDF: for the volunteer, and for staff who may see them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from backend.core.principal import Role
from backend.factories import CommunityFactory, PersonFactory, ServiceRecordFactory, session
from backend.volunteering.certificate import Certificate, ServiceLine
from tests.client import GraphQLClient
from tests.helpers import gid


def test_the_certificate_adds_up_hours_and_points() -> None:
    start = dt.datetime(2026, 5, 1, 1, 0, tzinfo=dt.UTC)
    data = Certificate(
        name="陈志愿",
        issuer="城西社区党委",
        lines=[ServiceLine(start, "清理楼道", 90, 15), ServiceLine(start, "义诊", 120, 20)],
        issued_on=dt.date(2026, 12, 1),
    )
    assert (data.total_minutes, data.total_points) == (210, 35)


async def test_a_volunteer_downloads_their_certificate_and_a_stranger_cannot(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create(name="城西社区党委")
    volunteer = PersonFactory.create(name="陈志愿", community_id=community.id)
    # markup in what people typed is printed as text, not read by the PDF writer
    ServiceRecordFactory.create(
        person=volunteer,
        team=None,
        team_id=None,
        minutes=90,
        description='R&D <b>清理</b> <img src="/etc/hostname"/>',
    )
    user = gql.sign_in(Role.COMMITTEE_MEMBER, CommunityFactory.create(name="城东社区党委"))
    user.person_id = volunteer.id
    session.commit()
    path = f"/volunteers/{gid('Person', volunteer.id)}/certificate.pdf"

    own = await gql.get(path)
    gql.sign_in(Role.COMMITTEE_MEMBER, CommunityFactory.create(name="福坪社区党委"))
    stranger = await gql.get(path)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    coordinator = await gql.get(path)

    assert own.status_code == 200 and own.content.startswith(b"%PDF")
    assert unquote(own.headers["content-disposition"]).endswith("志愿服务时长证明-陈志愿.pdf")
    assert stranger.status_code == 404
    assert coordinator.status_code == 200
