"""The audit log in Chinese: the action by the name the schema gives its mutation, the object
by its kind and name with its global ID for a link, each changed field by its Chinese name
with its values as people read them (statuses by their names, references by the name of the
row, times in local time)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from backend.audit.labels import FIELDS, OBJECT_KINDS, format_value
from backend.cobuilding.models import NeedStatus
from backend.core.principal import Role
from backend.factories import NeedFactory
from tests.client import GraphQLClient
from tests.cobuilding.helpers import DISPATCH, a_community_with_units
from tests.helpers import gid

LOG = """
query L($filter: AuditLogFilter) { auditLog(filter: $filter) { nodes {
  action actionLabel objectKind objectName objectGlobalId
  changeList { field label before after }
} } }
"""


async def test_a_dispatch_reads_in_chinese_with_a_link_to_its_need(gql: GraphQLClient) -> None:
    community, _, near, _, _ = a_community_with_units()
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED, title="楼道灯不亮")
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    await gql.data(
        DISPATCH, {"input": {"need": gid("Need", need.id), "unit": gid("ResidentUnit", near.id)}}
    )

    gql.sign_in(Role.STREET_ADMIN, community)
    (entry,) = (await gql.data(LOG, {"filter": {"action": "needDispatch"}}))["auditLog"]["nodes"]

    assert entry == {
        "action": "needDispatch",
        "actionLabel": "社区下单：派给驻区单位",
        "objectKind": "需求",
        "objectName": "楼道灯不亮",
        "objectGlobalId": gid("Need", need.id),
        "changeList": [
            {"field": "status", "label": "状态", "before": "已受理", "after": "已派单"},
            {"field": "unit", "label": "驻区单位", "before": None, "after": "龙山物业"},
        ],
    }


def test_values_read_as_people_read_them() -> None:
    assert format_value("Need", "status", "in_progress") == "办理中"
    assert format_value("Need", "raised_at", "2026-12-04T02:30:00+00:00") == "2026-12-04 10:30"
    assert format_value("ActionItem", "due_on", "2026-12-31") == "2026-12-31"
    assert format_value("Project", "spent_cents", 123456) == "¥1,234.56"
    assert format_value("Need", "title", "") is None
    assert format_value("AgendaItem", "order", [3, 1, 2]) == "3、1、2"


BACKEND = Path(__file__).parents[2] / "backend"


def _strings(node: ast.expr | None) -> set[str]:
    """The string constants of a literal list or the keys of a literal dict."""
    items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", [])
    return {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}


def _field_list_name(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and re.fullmatch(r"[A-Z_]*FIELDS", node.id) is not None


def _recorded_fields() -> set[str]:
    """The keys the services record: in `changes={…}` of `record(…)` calls and in the field
    lists they snapshot."""
    found: set[str] = set()
    for path in BACKEND.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "changes":
                found |= _strings(node.value)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "snapshot":
                found |= _strings(node.args[1] if len(node.args) > 1 else None)
            elif isinstance(node, ast.Assign) and any(map(_field_list_name, node.targets)):
                found |= _strings(node.value)
    return found


def _recorded_object_types() -> set[str]:
    found: set[str] = set()
    for path in BACKEND.rglob("*.py"):
        found |= set(re.findall(r'object_type="([A-Za-z]+)"', path.read_text(encoding="utf-8")))
    return found


def test_every_recorded_field_and_object_kind_has_a_chinese_name() -> None:
    fields = _recorded_fields()
    assert {"status", "unit", "minutes_text"} <= fields  # the scan finds them
    assert sorted(fields - FIELDS.keys()) == []
    assert sorted(_recorded_object_types() - OBJECT_KINDS.keys()) == []


async def test_the_filters_offer_every_action_and_kind_by_its_chinese_name(
    gql: GraphQLClient,
) -> None:
    community, *_ = a_community_with_units()
    gql.sign_in(Role.STREET_ADMIN, community)
    query = "{ auditVocabulary { actions { value label } objectTypes { value label } } }"
    vocabulary = (await gql.data(query))["auditVocabulary"]
    actions = {a["value"]: a["label"] for a in vocabulary["actions"]}
    assert actions["needDispatch"] == "社区下单：派给驻区单位"
    assert actions["apiTokenCreate"] == "创建 API 令牌"
    assert actions["sessionCreate.failed"] == "登录失败"
    assert {"value": "Need", "label": "需求"} in vocabulary["objectTypes"]

    gql.sign_in(Role.CONVENER, community)
    refused = await gql.execute(query)
    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
