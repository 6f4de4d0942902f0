"""The schema extension that answers a query on the compiled path when its plan allows."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from graphql import ExecutionResult
from sqlalchemy.exc import DBAPIError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from backend.core.compiled.fields import Plan
from backend.core.compiled.plan import forget, plan_for
from backend.core.compiled.registry import Fallback
from backend.core.compiled.run import Run

logger = logging.getLogger("backend.compiled")


class CompiledReads(SchemaExtension):
    """After the query guard (a refused query is not run at all) and before execution."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        if (
            execution.graphql_document is not None
            and execution.operation_type is OperationType.QUERY
        ):
            context.db.read_from_reader()
        if (
            execution.result is None
            and execution.query is not None
            and execution.graphql_document is not None
            and context.settings.compiled_reads
        ):
            plan = plan_for(
                execution.schema._schema,
                execution.query,
                execution.graphql_document,
                execution.operation_name,
            )
            if plan is not None:
                data = await self._run(plan)
                if data is not None:
                    execution.result = ExecutionResult(data=data)
        yield

    async def _run(self, plan: Plan) -> dict[str, Any] | None:
        execution = self.execution_context
        try:
            return await Run(
                execution.context, execution.schema, plan, execution.variables
            ).execute()
        except Fallback as fallback:
            if fallback.always:
                forget(execution.query or "", execution.operation_name)
            return None
        except DBAPIError:
            return None  # the resolvers meet the same database and report it
        except Exception:
            # A defect of this path must not fail the request: the resolvers answer it.
            logger.warning("compiled read failed; the resolvers answer", exc_info=True)
            forget(execution.query or "", execution.operation_name)
            return None
