"""The permission matrix, generated from the schema: every root query field and mutation, for
anonymous callers, every role and API tokens, allowed or denied as written below.

A field that is added to the schema without a row here, or without a rule in the code, fails
`test_every_root_field_has_a_rule_and_a_row_in_the_matrix`.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
)
from graphql.pyutils import Undefined
from strawberry.types.base import StrawberryObjectDefinition

from backend.accounts.tokens import API_SCOPES
from backend.core.permissions import rule_of
from backend.core.principal import Role
from backend.core.schema import schema
from backend.factories import ApiTokenFactory, CommunityFactory, ResidentUnitFactory, raw_token
from tests.client import GraphQLClient

ADMIN, CONVENER, COORDINATOR, LIAISON, MEMBER = (
    Role.STREET_ADMIN,
    Role.CONVENER,
    Role.VOLUNTEER_COORDINATOR,
    Role.UNIT_LIAISON,
    Role.COMMITTEE_MEMBER,
)
EVERYONE = frozenset(Role)
PUBLIC = "public"
ANY_TOKEN = "*"

# field: (roles allowed, the API-token scope that allows it, or None for no token)
MATRIX: dict[str, tuple[frozenset[Role] | str, str | None]] = {
    "me": (PUBLIC, None),
    "node": (EVERYONE, ANY_TOKEN),
    "apiTokens": (frozenset({ADMIN}), None),
    "auditLog": (frozenset({ADMIN}), None),
    "auditVocabulary": (frozenset({ADMIN}), None),
    "organisations": (EVERYONE - {LIAISON}, "read:organisations"),
    "grids": (EVERYONE - {LIAISON}, "read:organisations"),
    "residentUnits": (EVERYONE, "read:units"),
    "committeeMembers": (EVERYONE, "read:members"),
    "people": (frozenset({ADMIN, CONVENER, COORDINATOR}), "read:people"),
    "volunteerTeams": (EVERYONE - {LIAISON}, "read:volunteering"),
    "serviceRecords": (EVERYONE - {LIAISON}, "read:volunteering"),
    "needs": (EVERYONE, "read:cobuilding"),
    "resources": (EVERYONE, "read:cobuilding"),
    "issueCategories": (EVERYONE, "read:cobuilding"),
    "projects": (EVERYONE, "read:cobuilding"),
    "microWishes": (EVERYONE, "read:cobuilding"),
    "jointMeetings": (EVERYONE, "read:meetings"),
    "actionItems": (EVERYONE, "read:meetings"),
    "evaluations": (EVERYONE - {MEMBER}, "read:evaluations"),
    "proposals": (EVERYONE, "read:meetings"),
    "agendaCandidates": (frozenset({ADMIN, CONVENER}), "read:meetings"),
    "myActionItems": (EVERYONE, None),
    "webhookEndpoints": (frozenset({ADMIN}), None),
    "myNotifications": (EVERYONE, None),
    "needSuggestions": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "needDispatches": (EVERYONE, "read:cobuilding"),
    "volunteerActivities": (EVERYONE - {LIAISON}, "read:volunteering"),
    "volunteerActivityByCode": (EVERYONE, None),
    "pointsLedger": (EVERYONE - {LIAISON}, "read:volunteering"),
    "myPointsLedger": (EVERYONE, None),
    "partnerMerchants": (EVERYONE, "read:volunteering"),
    "pointsPerHour": (EVERYONE - {LIAISON}, "read:volunteering"),
    "myUnreadNotificationCount": (EVERYONE, None),
    # mutations
    "sessionCreate": (PUBLIC, None),
    "sessionEnd": (EVERYONE, None),
    "passwordChange": (EVERYONE, None),
    "apiTokenCreate": (frozenset({ADMIN}), None),
    "apiTokenRevoke": (frozenset({ADMIN}), None),
    "proposalSubmit": (EVERYONE, None),
    "proposalTriage": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingCreate": (frozenset({ADMIN, CONVENER}), None),
    "agendaItemCreate": (frozenset({ADMIN, CONVENER}), None),
    "agendaReorder": (frozenset({ADMIN, CONVENER}), None),
    "agendaItemDelete": (frozenset({ADMIN, CONVENER}), None),
    "agendaItemUpdate": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingUpdate": (frozenset({ADMIN, CONVENER}), None),
    "organisationCreate": (frozenset({ADMIN}), None),
    "organisationUpdate": (frozenset({ADMIN}), None),
    "organisationMove": (frozenset({ADMIN}), None),
    "organisationArchive": (frozenset({ADMIN}), None),
    "organisationRestore": (frozenset({ADMIN}), None),
    "gridCreate": (frozenset({ADMIN}), None),
    "gridUpdate": (frozenset({ADMIN}), None),
    "gridArchive": (frozenset({ADMIN}), None),
    "jointMeetingPublish": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingStart": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingClose": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingMinutesPublish": (frozenset({ADMIN, CONVENER}), None),
    "jointMeetingMinutesUpdate": (frozenset({ADMIN, CONVENER}), None),
    "attendanceRecord": (frozenset({ADMIN, CONVENER}), None),
    "attendanceSignIn": (EVERYONE, None),
    "decisionRecord": (frozenset({ADMIN, CONVENER}), None),
    "actionItemCreate": (frozenset({ADMIN, CONVENER}), None),
    "actionItemProgress": (EVERYONE, None),
    "actionItemVerify": (frozenset({ADMIN, CONVENER}), None),
    "webhookEndpointCreate": (frozenset({ADMIN}), None),
    "notificationsMarkRead": (EVERYONE, None),
    "needSubmit": (EVERYONE - {LIAISON}, "write:needs"),
    "needTriage": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "needDispatch": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "needDispatchRespond": (frozenset({LIAISON}), None),
    "needDispatchWithdraw": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "needSolve": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "needClose": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "volunteerActivityCreate": (frozenset({ADMIN, COORDINATOR}), None),
    "activitySignUp": (EVERYONE, None),
    "activitySignUpCancel": (EVERYONE, None),
    "activityCheckIn": (EVERYONE, None),
    "activityCheckOut": (EVERYONE, None),
    "serviceRecordCreate": (frozenset({ADMIN, COORDINATOR}), None),
    "serviceRecordCorrect": (frozenset({ADMIN, COORDINATOR}), None),
    "pointsRedeem": (frozenset({ADMIN, COORDINATOR}), None),
    "partnerMerchantCreate": (frozenset({ADMIN, COORDINATOR}), None),
    "pointsRuleSet": (frozenset({ADMIN, COORDINATOR}), None),
    "volunteerTeamCreate": (frozenset({ADMIN, COORDINATOR}), None),
    "volunteerTeamMemberAdd": (frozenset({ADMIN, COORDINATOR}), None),
    "volunteerTeamMemberRemove": (frozenset({ADMIN, COORDINATOR}), None),
    "microWishPublish": (EVERYONE - {LIAISON}, None),
    "microWishClaim": (EVERYONE, None),
    "microWishFulfil": (EVERYONE, None),
    "microWishConfirm": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "resourcePublish": (frozenset({ADMIN, CONVENER, COORDINATOR, LIAISON}), None),
    "resourceUpdate": (frozenset({ADMIN, CONVENER, COORDINATOR, LIAISON}), None),
    "projectUpdate": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "projectMilestoneAdd": (frozenset({ADMIN, CONVENER, COORDINATOR}), None),
    "projectMilestoneComplete": (EVERYONE, None),
    "projectReport": (EVERYONE, None),
}

CALLERS = ["anonymous", *Role, "token:all-scopes", "token:write-needs-only"]


def root_fields() -> dict[str, tuple[str, Any]]:
    """{name: ("query" | "mutation", strawberry field)} for every root field."""
    found: dict[str, tuple[str, Any]] = {}
    for operation, type_name in (("query", "Query"), ("mutation", "Mutation")):
        definition = schema.get_type_by_name(type_name)
        assert isinstance(definition, StrawberryObjectDefinition)
        for field in definition.fields:
            found[schema.config.name_converter.get_graphql_name(field)] = (operation, field)
    return found


def test_every_root_field_has_a_rule_and_a_row_in_the_matrix() -> None:
    fields = root_fields()

    without_rule = sorted(name for name, (_, field) in fields.items() if rule_of(field) is None)
    without_row = sorted(set(fields) - set(MATRIX))
    stale_rows = sorted(set(MATRIX) - set(fields))

    assert without_rule == [], f"root fields with no permission rule: {without_rule}"
    assert without_row == [], f"root fields missing from the permission matrix: {without_row}"
    assert stale_rows == [], f"matrix rows for fields that no longer exist: {stale_rows}"


def expected(field: str, caller: str) -> bool:
    roles, token_scope = MATRIX[field]
    if roles == PUBLIC:
        return True
    if caller == "anonymous":
        return False
    if caller.startswith("token:"):
        scopes = set(API_SCOPES) if caller == "token:all-scopes" else {"write:needs"}
        return token_scope == ANY_TOKEN or token_scope in scopes
    return Role(caller) in roles


# --- one syntactically valid call per field, generated from its argument types ------------

_SCALARS = {
    "String": "x",
    "ID": "T3JnYW5pc2F0aW9uOjE=",  # Organisation:1
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Date": "2030-01-01",
    "DateTime": "2030-01-01T00:00:00+00:00",
    "JSON": {},
}


def sample(graphql_type: Any) -> Any:
    if isinstance(graphql_type, GraphQLNonNull):
        return sample(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return [sample(graphql_type.of_type)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        return {
            name: sample(field.type)
            for name, field in graphql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        }
    assert isinstance(graphql_type, GraphQLScalarType)
    return _SCALARS[graphql_type.name]


def call(operation: str, name: str) -> tuple[str, dict[str, Any]]:
    root = schema._schema.mutation_type if operation == "mutation" else schema._schema.query_type
    assert root is not None
    field = root.fields[name]
    required = {a: arg for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
    declared = ", ".join(f"${a}: {arg.type}" for a, arg in required.items())
    passed = ", ".join(f"{a}: ${a}" for a in required)
    named = get_named_type(field.type)
    selection = (
        " { __typename }"
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)
        else ""
    )
    header = f"{operation} Call({declared})" if declared else operation
    arguments = f"({passed})" if passed else ""
    variables = {a: sample(arg.type) for a, arg in required.items()}
    return f"{header} {{ {name}{arguments}{selection} }}", variables


async def as_caller(gql: GraphQLClient, caller: str) -> None:
    community = CommunityFactory.create()
    if caller == "anonymous":
        gql.sign_out()
    elif caller.startswith("token:"):
        scopes = list(API_SCOPES) if caller == "token:all-scopes" else ["write:needs"]
        token = ApiTokenFactory.create(organisation_id=community.id, scopes=" ".join(scopes))
        gql.use_token(raw_token(token))
    else:
        role = Role(caller)
        unit = (
            ResidentUnitFactory.create(community=community) if role is Role.UNIT_LIAISON else None
        )
        gql.sign_in(role, community, unit)


DENIALS = {"FORBIDDEN", "UNAUTHENTICATED"}


@pytest.mark.parametrize("caller", CALLERS)
async def test_each_root_field_allows_or_denies_each_caller_as_the_matrix_says(
    gql: GraphQLClient, caller: str
) -> None:
    outcomes: dict[str, bool] = {}
    for name, (operation, _field) in root_fields().items():
        await as_caller(gql, caller)
        query, variables = call(operation, name)
        body = (await gql.post(query, variables)).json()
        codes = {error.get("extensions", {}).get("code") for error in body.get("errors", [])}
        assert "GRAPHQL_VALIDATION_FAILED" not in codes, (name, body)  # the call itself is valid
        outcomes[name] = not (codes & DENIALS)

    wrong = {
        name: ("allowed" if allowed else "denied")
        for name, allowed in outcomes.items()
        if allowed != expected(name, caller)
    }
    assert wrong == {}, f"{caller}: these fields were wrongly {wrong}"
