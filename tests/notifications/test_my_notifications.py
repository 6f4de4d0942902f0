"""In-app notifications: each person reads and marks only their own."""

from __future__ import annotations

import datetime as dt

from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    NotificationFactory,
    PersonFactory,
    raw_token,
    session,
)
from backend.notifications.models import Notification
from backend.organisations.models import Organisation
from backend.people.models import Person
from tests.client import GraphQLClient
from tests.helpers import gid

MINE = """query M($unread: Boolean) {
  myUnreadNotificationCount
  myNotifications(unreadOnly: $unread) { totalCount nodes { id title link isRead } }
}"""
MARK = """mutation R($input: NotificationsMarkReadInput!) {
  notificationsMarkRead(input: $input) { unreadCount }
}"""


def a_member_with_notifications(
    gql: GraphQLClient, community: Organisation
) -> tuple[Person, Notification, Notification]:
    person = PersonFactory.create(name="李兼职")
    user = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    user.person_id = person.id
    session.commit()
    older = NotificationFactory.create(
        person=person,
        title="上月会议：纪要已发布",
        created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=30),
    )
    newer = NotificationFactory.create(person=person, title="本月会议：议程已发布")
    return person, older, newer


async def test_a_member_reads_own_notifications_newest_first_and_marks_them_read(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    _, older, newer = a_member_with_notifications(gql, community)
    NotificationFactory.create(title="别人的通知")

    before = await gql.data(MINE)
    one = await gql.data(MARK, {"input": {"ids": [gid("Notification", newer.id)]}})
    unread = await gql.data(MINE, {"unread": True})
    everything = await gql.data(MARK, {"input": {}})

    assert before["myUnreadNotificationCount"] == 2
    assert [n["title"] for n in before["myNotifications"]["nodes"]] == [
        "本月会议：议程已发布",
        "上月会议：纪要已发布",
    ]
    assert one["notificationsMarkRead"] == {"unreadCount": 1}
    assert unread["myNotifications"]["nodes"] == [
        {
            "id": gid("Notification", older.id),
            "title": "上月会议：纪要已发布",
            "link": "/meetings/1",
            "isRead": False,
        }
    ]
    assert everything["notificationsMarkRead"] == {"unreadCount": 0}


async def test_another_persons_notification_is_neither_shown_nor_marked(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    a_member_with_notifications(gql, community)
    theirs = NotificationFactory.create(title="别人的通知")

    marked = await gql.data(MARK, {"input": {"ids": [gid("Notification", theirs.id)]}})
    node = await gql.execute(
        "query N($id: ID!) { node(id: $id) { id } }", {"id": gid("Notification", theirs.id)}
    )

    assert marked["notificationsMarkRead"] == {"unreadCount": 2}
    assert node["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    session.expire_all()
    stored = session.get(Notification, theirs.id)
    assert stored is not None
    assert stored.read_at is None


async def test_a_user_without_a_person_has_none_and_a_token_may_not_ask(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    NotificationFactory.create()
    gql.sign_in(Role.CONVENER, community)
    no_person = await gql.data(MINE)
    token = ApiTokenFactory.create(organisation_id=community.id, scopes="read:meetings")
    gql.use_token(raw_token(token))
    refused = await gql.execute(MINE)

    assert no_person == {
        "myUnreadNotificationCount": 0,
        "myNotifications": {"totalCount": 0, "nodes": []},
    }
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_too_many_ids_at_once_are_refused(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    a_member_with_notifications(gql, community)

    refused = await gql.execute(
        MARK, {"input": {"ids": [gid("Notification", n) for n in range(1, 102)]}}
    )

    assert refused["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    assert "一次最多标记 100 条通知" in refused["errors"][0]["message"]
