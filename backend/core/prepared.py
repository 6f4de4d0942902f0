"""Each distinct query text is parsed and validated once per process, not once per request.

The SPA and the district platforms send the same few dozen documents over and over; parsing
and validating one costs from a few hundred microseconds to several milliseconds (the needs
board), more than running the query on a warm database. Both results depend only on the text
and the schema: variables, the caller and the data play no part, so they are safe to share.

Unlike strawberry's ParserCache and ValidationCache, the validation result is keyed by the
query text (hashing a text is cheap; hashing a parsed document walks the whole tree on every
request), and a query that does not parse is left to strawberry's own parse, so that its
syntax error is reported exactly as before. The caches are bounded: a caller sending ever new
texts only evicts older ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import TypeGuard

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

CACHED_QUERIES = 512
# Longer texts are parsed and validated each time: the cache holds the few documents clients
# send again and again, not whatever a caller makes up (a request may be 256 KB).
MAX_CACHED_QUERY_LENGTH = 16_384


@lru_cache(maxsize=CACHED_QUERIES)
def _parsed(query: str, max_tokens: int | None) -> DocumentNode:
    return parse(query, max_tokens=max_tokens)


@lru_cache(maxsize=CACHED_QUERIES)
def _validated(
    schema: GraphQLSchema,
    query: str,
    max_tokens: int | None,
    rules: tuple[type[ASTValidationRule], ...],
) -> tuple[GraphQLError, ...]:
    return tuple(validate_document(schema, _parsed(query, max_tokens), rules))


def _cacheable(query: str | None) -> TypeGuard[str]:
    return query is not None and 0 < len(query) <= MAX_CACHED_QUERY_LENGTH


class PreparedQueries(SchemaExtension):
    """Must come after the extensions that set parse options or add validation rules
    (MaxTokensLimiter, AddValidationRules): it reads both when a request is parsed."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        # A query that does not parse is parsed again by strawberry, which reports the error
        # as it always does.
        if _cacheable(context.query):
            with suppress(GraphQLError):
                context.graphql_document = _parsed(context.query, self._max_tokens())
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if _cacheable(context.query) and context.graphql_document is not None:
            errors = _validated(
                context.schema._schema,
                context.query,
                self._max_tokens(),
                context.validation_rules,
            )
            # A fresh list each time: later steps may add to it.
            context.pre_execution_errors = list(errors)
        yield

    def _max_tokens(self) -> int | None:
        tokens = self.execution_context.parse_options.get("max_tokens")
        return int(tokens) if tokens is not None else None
