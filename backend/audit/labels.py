"""The audit log in Chinese: what each action is called, what kind of object it touched, the
name of each changed field and its values as people read them.

An action that is a mutation is called what the schema calls it: the mutation's description
up to its note of who may call it ("创建 API 令牌（街道管理员）" is 创建 API 令牌). Events that are
not mutations, object kinds and field names are named here, and nowhere else: the admin app
shows what the API serves.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from functools import cache
from typing import Any

from graphql import GraphQLSchema
from sqlmodel import SQLModel

from backend.core.models import LOCAL_ZONE

LOCAL = LOCAL_ZONE

# Events recorded outside a mutation of the same name.
EVENTS: dict[str, str] = {
    "sessionCreate": "登录",
    "sessionCreate.failed": "登录失败",
    "personalData.read": "查看个人信息",
    "activityCheckOut": "签退并记录服务",
    "createAdmin": "创建首位街道管理员",
}

OBJECT_KINDS: dict[str, str] = {
    "ActionItem": "督办事项",
    "AgendaItem": "议题",
    "ApiToken": "API 令牌",
    "CommitteeMembership": "兼职委员",
    "Decision": "决议",
    "Grid": "网格",
    "JointMeeting": "联席会议",
    "MeetingAttendance": "出席记录",
    "MicroWish": "微心愿",
    "Need": "需求",
    "NeedDispatch": "派单",
    "Organisation": "组织",
    "PartnerMerchant": "合作商家",
    "Person": "人员",
    "PointsEntry": "积分记录",
    "Project": "共建项目",
    "Proposal": "议题建议",
    "ResidentUnit": "驻区单位",
    "Resource": "资源",
    "ServiceRecord": "服务记录",
    "User": "用户",
    "VolunteerActivity": "志愿活动",
    "VolunteerTeam": "志愿服务队",
    "WebhookEndpoint": "事件推送地址",
}

FIELDS: dict[str, str] = {
    "address": "地址",
    "agenda_version": "议程版本",
    "archived_at": "归档时间",
    "at": "时间",
    "availability": "开放时间",
    "branch_id": "网格党支部",
    "budget_cents": "预算",
    "capacity": "容量",
    "category": "类别",
    "chair_id": "主持人",
    "code": "组织代码",
    "community_id": "所属社区",
    "conditions": "使用条件",
    "corrected_reason": "更正原因",
    "decline_reason": "不采纳理由",
    "declined": "拒单",
    "description": "说明",
    "done_on": "完成日期",
    "due_on": "办理期限",
    "ended_at": "结束时间",
    "ends_at": "结束时间",
    "ends_on": "结束日期",
    "evidence": "佐证材料数",
    "expires_at": "到期时间",
    "failed_logins": "连续失败次数",
    "field": "查看的字段",
    "follow_up_officer_id": "跟办员",
    "households": "户数",
    "kind": "类型",
    "leader_id": "网格长",
    "meeting_id": "所属会议",
    "merchant": "合作商家",
    "merged_into_id": "并入",
    "milestone": "项目节点",
    "minutes": "服务时长（分钟）",
    "minutes_allotted": "议题时长（分钟）",
    "minutes_text": "会议纪要",
    "name": "名称",
    "order": "议题顺序",
    "organisation_id": "所属组织",
    "outcome": "表决结果",
    "owner_person_id": "承办人",
    "owner_unit_id": "承办单位",
    "parent_id": "上级组织",
    "password_changed_at": "密码修改时间",
    "person": "人员",
    "person_id": "人员",
    "phone": "电话",
    "photos": "照片数",
    "points": "积分",
    "points_per_hour": "每小时积分",
    "position": "顺序",
    "presenter_id": "汇报人",
    "project_id": "所属项目",
    "proxy_name": "代为出席人",
    "reject_reason": "不予受理理由",
    "revoked_at": "吊销时间",
    "role": "角色",
    "satisfaction": "群众满意度",
    "scopes": "授权范围",
    "secretary_name": "书记",
    "slots": "名额",
    "source": "来源",
    "source_id": "来源条目",
    "spent_cents": "花费",
    "started_at": "开始时间",
    "starts_at": "开始时间",
    "status": "状态",
    "text": "决议内容",
    "title": "标题",
    "triaged_by_id": "处理人",
    "unit": "驻区单位",
    "urgency": "紧急程度",
    "url": "地址",
    "username": "用户名",
    "venue": "地点",
    "votes_abstain": "弃权票",
    "votes_against": "反对票",
    "votes_for": "赞成票",
    "worker_id": "网格员",
}

# Fields whose value is an amount of money in cents.
MONEY_FIELDS = frozenset({"budget_cents", "spent_cents"})


def action_label(schema: GraphQLSchema, action: str) -> str:
    if action in EVENTS:
        return EVENTS[action]
    mutation = schema.mutation_type
    field = mutation.fields.get(action) if mutation is not None else None
    if field is None or not field.description:
        return action
    description: str = field.description
    return description.split("（")[0].strip()


def recorded_actions(schema: GraphQLSchema) -> list[str]:
    """The actions an entry may name: the events, then every mutation."""
    mutation = schema.mutation_type
    mutations = [name for name in (mutation.fields if mutation else {}) if name not in EVENTS]
    return [*EVENTS, *mutations]


def object_kind(object_type: str | None) -> str | None:
    if object_type is None:
        return None
    return OBJECT_KINDS.get(object_type, object_type)


def field_label(name: str) -> str:
    return FIELDS.get(name, name)


# Recorded keys that name another row without being a column of the object's table.
REFERENCES: dict[str, str] = {
    "merchant": "PartnerMerchant",
    "milestone": "ProjectMilestone",
    "person": "Person",
    "unit": "ResidentUnit",
}


@cache
def _models() -> dict[str, type[Any]]:
    """Every table model by class name."""
    registry = SQLModel._sa_registry
    return {mapper.class_.__name__: mapper.class_ for mapper in registry.mappers}


@cache
def _models_by_table() -> dict[str, str]:
    return {model.__tablename__: name for name, model in _models().items()}


def referenced_model(object_type: str | None, field: str) -> str | None:
    """The model whose row a recorded value names (by id), if it names one."""
    if field in REFERENCES:
        return REFERENCES[field]
    model = model_named(object_type)
    column = None if model is None else model.__table__.c.get(field)
    for key in getattr(column, "foreign_keys", ()):
        return _models_by_table().get(key.column.table.name)
    return None


def model_named(object_type: str | None) -> type[Any] | None:
    return _models().get(object_type or "")


def _enum_of(object_type: str | None, field: str) -> type[enum.Enum] | None:
    model = model_named(object_type)
    column = None if model is None else model.__table__.c.get(field)
    enum_class = getattr(getattr(column, "type", None), "enum_class", None)
    return (
        enum_class if isinstance(enum_class, type) and issubclass(enum_class, enum.Enum) else None
    )


def format_value(object_type: str | None, field: str, value: Any) -> str | None:
    """A recorded value as people read it: a status by its Chinese name, a time in local
    time, money in yuan, yes or no; None for no value."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if field in MONEY_FIELDS and isinstance(value, int):
        return f"¥{value / 100:,.2f}"
    enum_class = _enum_of(object_type, field)
    if enum_class is not None and isinstance(value, str):
        return _enum_label(enum_class, value)
    if isinstance(value, str):
        return _when(value) or value
    if isinstance(value, list | dict):
        return _listed(value)
    return str(value)


def _enum_label(enum_class: type[enum.Enum], value: str) -> str:
    try:
        member = enum_class(value)
    except ValueError:
        return value
    return str(getattr(member, "label", value))


def _when(value: str) -> str | None:
    """An ISO date or time, in local time; None for any other text."""
    if len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL)
    return moment.strftime("%Y-%m-%d %H:%M")


def _listed(value: list[Any] | dict[str, Any]) -> str:
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)}：{v}" for k, v in value.items())
    return "、".join(str(item) for item in value)
