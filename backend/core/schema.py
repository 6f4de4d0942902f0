"""The one GraphQL schema: every area's queries merged under `Query`."""

from __future__ import annotations

import logging
import re

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
)
from strawberry.tools import merge_types

from backend.accounts.mutations import AccountMutations
from backend.accounts.queries import AccountQueries
from backend.audit.queries import AuditQueries
from backend.cobuilding.mutations import COBUILDING_MUTATIONS
from backend.cobuilding.queries import CoBuildingQueries, DispatchQueries
from backend.core.compiled.extension import CompiledReads
from backend.core.cost import QueryGuard
from backend.core.errors import ErrorCode, PublicError
from backend.core.prepared import PreparedQueries
from backend.core.validation import QueryShapeLimits
from backend.evaluations.queries import EvaluationQueries
from backend.meetings.mutations import MEETING_MUTATIONS
from backend.meetings.queries import CollectionQueries, MeetingQueries, TrackingQueries
from backend.notifications.mutations import NotificationMutations, WebhookMutations
from backend.notifications.queries import NotificationQueries, WebhookQueries
from backend.organisations.mutations import OrganisationMutations
from backend.organisations.queries import OrganisationQueries
from backend.people.queries import PeopleQueries
from backend.units.queries import ResidentUnitQueries
from backend.volunteering.mutations import VOLUNTEERING_MUTATIONS
from backend.volunteering.queries import ActivityQueries, VolunteeringQueries

logger = logging.getLogger("backend.graphql")

MAX_TOKENS = 4000

# graphql-core words its validation errors in English; callers get them in Chinese.
_VALIDATION_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Cannot query field '(\w+)' on type '(\w+)'"), r"类型 \2 没有字段 \1。"),
    (re.compile(r"Value '(.+?)' does not exist in '(\w+)' enum"), r"\2 中没有取值“\1”。"),
    (re.compile(r"Unknown argument '(\w+)' on field '([\w.]+)'"), r"字段 \2 没有参数 \1。"),
    # strawberry.Maybe: a field that may be left out but not cleared.
    (
        re.compile(r"(?:Field|Argument) '(\w+)' of type 'Maybe\[.+?\]' cannot be explicitly set"),
        r"\1 不能设为 null：不修改请不传此项。",
    ),
    (
        re.compile(r"Field of type 'Maybe\[.+?\]' cannot be explicitly set to null"),
        r"此项不能设为 null：不修改请不传此项。",
    ),
    (re.compile(r"Int cannot represent non-integer value"), r"此处需要整数。"),
    (re.compile(r"Int cannot represent non 32-bit signed integer value"), r"整数超出范围。"),
    (re.compile(r"Syntax Error"), r"查询语法错误。"),
    (re.compile(r"Document exceeds maximum number of tokens"), r"查询过长。"),
]


def _translate(message: str) -> str:
    for pattern, template in _VALIDATION_TRANSLATIONS:
        match = pattern.search(message)
        if match:
            return match.expand(template)
    return "查询无效。"


class PublicErrors(MaskErrors):
    """Shows PublicErrors and query-validation errors (in Chinese) as they are; masks every
    other error with a request id that is also written to the log."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._should_mask, error_message="服务器内部错误。")

    @staticmethod
    def _is_query_error(error: GraphQLError) -> bool:
        """Parse, validation and variable-coercion errors: the caller's query is at fault."""
        return error.original_error is None or isinstance(error.original_error, GraphQLError)

    @classmethod
    def _should_mask(cls, error: GraphQLError) -> bool:
        return not cls._is_query_error(error) and not isinstance(error.original_error, PublicError)

    def _request_id(self) -> str:
        context = getattr(self.execution_context, "context", None)
        return str(getattr(context, "request_id", "-"))

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed: list[GraphQLError] = []
        for error in errors:
            if error.original_error is None and (error.extensions or {}).get("code"):
                processed.append(error)  # already worded for the caller (e.g. QueryGuard)
            elif self._is_query_error(error):
                processed.append(self._validation_error(error))
            elif self._should_mask(error):
                processed.append(self.anonymise_error(error))
            else:
                processed.append(error)
        return processed

    def _validation_error(self, error: GraphQLError) -> GraphQLError:
        return GraphQLError(
            message=_translate(error.message),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": ErrorCode.INVALID_QUERY.value, "detail": error.message},
        )

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = self._request_id()
        logger.error(
            "request %s: unexpected error at %s",
            request_id,
            error.path,
            exc_info=error.original_error,
        )
        return GraphQLError(
            message=f"{self.error_message}请求编号：{request_id}",
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": ErrorCode.INTERNAL_ERROR.value, "requestId": request_id},
        )


Query = merge_types(
    "Query",
    (
        AccountQueries,
        AuditQueries,
        OrganisationQueries,
        ResidentUnitQueries,
        PeopleQueries,
        VolunteeringQueries,
        ActivityQueries,
        CoBuildingQueries,
        DispatchQueries,
        MeetingQueries,
        CollectionQueries,
        TrackingQueries,
        WebhookQueries,
        NotificationQueries,
        EvaluationQueries,
    ),
)

Mutation = merge_types(
    "Mutation",
    (
        AccountMutations,
        *COBUILDING_MUTATIONS,
        *VOLUNTEERING_MUTATIONS,
        *MEETING_MUTATIONS,
        WebhookMutations,
        NotificationMutations,
        OrganisationMutations,
    ),
)

VALIDATION_RULES: list[type[ASTValidationRule]] = [QueryShapeLimits]

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[
        lambda: AddValidationRules(VALIDATION_RULES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        # after the two above: it reads their parse options and validation rules
        PreparedQueries,
        QueryGuard,
        # after the guard: a refused query is not run
        CompiledReads,
        PublicErrors,
    ],
)
