"""Resources published by a unit's liaison, linked to a commitment, and updated."""

from __future__ import annotations

from backend.core.principal import Role
from backend.factories import (
    AgreementFactory,
    CommitmentFactory,
    CommunityFactory,
    ResidentUnitFactory,
)
from tests.client import GraphQLClient
from tests.cobuilding.helpers import ERRORS
from tests.helpers import gid

PUBLISH_RESOURCE = f"""mutation R($input: ResourcePublishInput!) {{ resourcePublish(input: $input) {{
  resource {{ title kindLabel capacity conditions unit {{ name }} }} {ERRORS} }} }}"""
UPDATE_RESOURCE = f"""mutation R($input: ResourceUpdateInput!) {{ resourceUpdate(input: $input) {{
  resource {{ title capacity availability conditions }} {ERRORS} }} }}"""


async def test_a_liaison_publishes_its_units_resource_linked_to_a_commitment(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community=community, name="县供电局")
    other = ResidentUnitFactory.create(community=community, name="第一中学")
    commitment = CommitmentFactory.create(agreement=AgreementFactory.create(unit=unit))
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    resource = {
        "kind": "EXPERTISE",
        "title": "电工服务队",
        "description": "每月两次入户检修。",
        "category": "基础设施",
        "capacity": 20,
        "conditions": "提前三天预约",
    }

    published = await gql.data(
        PUBLISH_RESOURCE,
        {
            "input": {
                **resource,
                "unit": gid("ResidentUnit", unit.id),
                "commitment": gid("AgreementCommitment", commitment.id),
            }
        },
    )
    for_other = await gql.execute(
        PUBLISH_RESOURCE, {"input": {**resource, "unit": gid("ResidentUnit", other.id)}}
    )
    negative = await gql.data(
        PUBLISH_RESOURCE,
        {"input": {**resource, "unit": gid("ResidentUnit", unit.id), "capacity": -1}},
    )

    assert published["resourcePublish"] == {
        "resource": {
            "title": "电工服务队",
            "kindLabel": "专业技能",
            "capacity": 20,
            "conditions": "提前三天预约",
            "unit": {"name": "县供电局"},
        },
        "errors": [],
    }
    assert for_other["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    linked = await gql.data(
        """query C($unit: ID!) { node(id: $unit) { ... on ResidentUnit {
          agreements { commitments { id resources { title } } } } } }""",
        {"unit": gid("ResidentUnit", unit.id)},
    )
    [agreement] = linked["node"]["agreements"]
    assert agreement["commitments"] == [
        {"id": gid("AgreementCommitment", commitment.id), "resources": [{"title": "电工服务队"}]}
    ]
    assert negative["resourcePublish"]["errors"][0]["code"] == "OUT_OF_RANGE"


async def test_a_resource_update_changes_what_is_sent_and_null_clears_what_may_be_empty(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community=community)
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    published = await gql.data(
        PUBLISH_RESOURCE.replace("resource {", "resource { id"),
        {
            "input": {
                "unit": gid("ResidentUnit", unit.id),
                "kind": "VENUE",
                "title": "活动室",
                "description": "二楼活动室。",
                "category": "场地",
                "capacity": 40,
                "availability": "工作日晚上",
                "conditions": "提前预约",
            }
        },
    )
    resource = published["resourcePublish"]["resource"]["id"]

    renamed = await gql.data(
        UPDATE_RESOURCE, {"input": {"resource": resource, "title": "多功能厅"}}
    )
    cleared = await gql.data(
        UPDATE_RESOURCE,
        {"input": {"resource": resource, "capacity": None, "availability": None}},
    )
    no_title = await gql.execute(UPDATE_RESOURCE, {"input": {"resource": resource, "title": None}})
    literal = UPDATE_RESOURCE.replace("($input: ResourceUpdateInput!)", "").replace(
        "input: $input", f'input: {{resource: "{resource}", title: null}}'
    )
    no_title_literal = await gql.execute(literal)

    assert renamed["resourceUpdate"]["resource"] == {
        "title": "多功能厅",
        "capacity": 40,
        "availability": "工作日晚上",
        "conditions": "提前预约",
    }
    assert cleared["resourceUpdate"]["resource"] == {
        "title": "多功能厅",
        "capacity": None,
        "availability": None,
        "conditions": "提前预约",
    }
    assert no_title["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert no_title["errors"][0]["message"] == "此项不能设为 null：不修改请不传此项。"
    assert no_title_literal["errors"][0]["message"] == "title 不能设为 null：不修改请不传此项。"


async def test_the_usual_categories_say_what_meets_them(gql: GraphQLClient) -> None:
    gql.sign_in(Role.COMMITTEE_MEMBER, CommunityFactory.create())

    categories = (await gql.data("{ issueCategories { name resourceKinds } }"))["issueCategories"]

    by_name = {c["name"]: c for c in categories}
    assert list(by_name)[:3] == ["基础设施", "物业管理", "环境卫生"]
    assert by_name["基础设施"] == {
        "name": "基础设施",
        "resourceKinds": ["FUNDS", "EXPERTISE", "GOODS"],
    }
    assert by_name["其他"]["resourceKinds"] == []
