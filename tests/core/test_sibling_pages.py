"""Lists asked for side by side in one request (the needs board's six status columns) are read
together: as many statements as one list, and each list exactly the page it asks for alone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from strawberry.relay.utils import to_base64

from backend.cobuilding.models import NeedStatus
from backend.core.compiled import extension
from backend.core.pagination import CURSOR_PREFIX
from backend.core.principal import Role
from backend.factories import CommunityFactory, GridFactory, NeedFactory, ResourceFactory
from backend.organisations.models import Organisation
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

CARD = (
    "totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title grid { name } } }"
)
STATUSES = [status.name for status in NeedStatus]


def column(alias: str, status: str, arguments: str = "first: 3") -> str:
    return f"{alias}: needs(filter: {{status: {status}}}, {arguments}) {{ {CARD} }}"


def board(community: Organisation) -> None:
    grids = [GridFactory.create(community=community) for _ in range(2)]
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    for n, status in enumerate(NeedStatus):
        for k in range(n + 2):
            NeedFactory.create(
                community=community,
                status=status,
                title=f"{status.label}需求{k}",
                grid_id=grids[k % 2].id,
                raised_at=start + dt.timedelta(days=k),
            )


async def alone(gql: GraphQLClient, alias: str, status: str, arguments: str) -> Any:
    return (await gql.data(f"{{ {column(alias, status, arguments)} }}"))[alias]


async def test_the_columns_of_a_board_cost_what_one_column_costs(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    community = CommunityFactory.create()
    board(community)
    gql.sign_in(Role.STREET_ADMIN, community)
    every = "{ " + " ".join(column(s.lower(), s) for s in STATUSES) + " }"

    with count_statements() as one:
        await gql.data(f"{{ {column('submitted', 'SUBMITTED')} }}")
    with count_statements() as six:
        together = await gql.data(every)

    assert six.count == one.count
    for status in STATUSES:
        assert together[status.lower()] == await alone(gql, status.lower(), status, "first: 3")


async def test_cursors_and_last_pages_side_by_side_match_each_list_alone(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    board(community)
    gql.sign_in(Role.STREET_ADMIN, community)
    first = await alone(gql, "closed", "CLOSED", "first: 2")
    after = f'first: 2, after: "{first["pageInfo"]["endCursor"]}"'
    asks = {
        "closed": ("CLOSED", after),
        "solved": ("SOLVED", "last: 2"),
        "accepted": ("ACCEPTED", "first: 0"),
        "submitted": ("SUBMITTED", "first: 100"),
    }

    together = await gql.data(
        "{ " + " ".join(column(a, s, arguments) for a, (s, arguments) in asks.items()) + " }"
    )

    for alias, (status, arguments) in asks.items():
        assert together[alias] == await alone(gql, alias, status, arguments)
    assert [e["node"]["title"] for e in together["closed"]["edges"]] == [
        "已办结需求4",
        "已办结需求3",
    ]
    assert together["accepted"]["edges"] == []


async def test_a_bad_cursor_fails_its_own_list_and_no_other(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    board(community)
    gql.sign_in(Role.STREET_ADMIN, community)

    body = await gql.execute(
        "{ "
        + column("good", "SUBMITTED")
        + " "
        + column("bad", "CLOSED", 'first: 2, after: "not-a-cursor"')
        + " }"
    )

    # The lists are not nullable, so the answer has no data; the one error names the one list.
    assert body["data"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["bad"], "INVALID_ARGUMENT")
    ]


async def test_lists_of_different_entities_side_by_side(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    board(community)
    ResourceFactory.create(unit__community=community, title="会议室开放共享")
    gql.sign_in(Role.STREET_ADMIN, community)

    together = await gql.data(
        "{ " + column("needs", "SUBMITTED") + " resources(first: 5) { nodes { title } } }"
    )

    assert together["needs"] == await alone(gql, "needs", "SUBMITTED", "first: 3")
    assert together["resources"]["nodes"] == [{"title": "会议室开放共享"}]


PLAIN = (
    "{ s: needs(filter: {status: SUBMITTED}, %s) { totalCount"
    " pageInfo { hasNextPage hasPreviousPage } edges { cursor node { title } } } }"
)


async def test_a_page_read_from_its_start_carries_its_total(
    gql: GraphQLClient, count_statements: CountStatements, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page placed from the start reads its total in the same statement (a window count);
    a page that cannot carry it (past the end, `first: 0`) or is placed from the end (`last`)
    also costs a COUNT. The same on the compiled path and on the resolvers'."""
    community = CommunityFactory.create()
    board(community)  # two submitted needs
    gql.sign_in(Role.STREET_ADMIN, community)
    start = await alone(gql, "s", "SUBMITTED", "first: 1")
    past = f'after: "{to_base64(CURSOR_PREFIX, 5)}"'
    cases = [
        ("first: 1", 1, 2),
        (f'first: 1, after: "{start["pageInfo"]["endCursor"]}"', 1, 2),
        (past, 2, 2),
        ("first: 0", 1, 2),  # no rows to read: the COUNT alone
        ("last: 1", 2, 2),
    ]
    for arguments, statements, total in cases:
        answers = []
        for compiled in (True, False):
            if not compiled:
                monkeypatch.setattr(extension, "plan_for", lambda *_args: None)
            with count_statements() as counted:
                page = (await gql.data(PLAIN % arguments))["s"]
            assert counted.count == AUTH_STATEMENTS + statements, (arguments, compiled)
            assert page["totalCount"] == total, arguments
            answers.append(page)
        monkeypatch.undo()
        assert answers[0] == answers[1], arguments
    empty = CommunityFactory.create()
    gql.sign_in(Role.STREET_ADMIN, empty)
    with count_statements() as counted:
        page = (await gql.data(PLAIN % "first: 5"))["s"]
    assert (page["totalCount"], page["edges"], counted.count) == (0, [], AUTH_STATEMENTS + 1)
