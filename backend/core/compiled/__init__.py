"""The compiled read path: a read-only query answered without the resolvers.

graphql-core executes a query field by field: for every field of every object it builds a
`ResolveInfo`, calls strawberry's resolver wrapper (arguments, extensions, permissions), and
completes the value; a relation adds a coroutine, a task and a loader future per object.
Over a page of a hundred units that is most of the time a request takes, many times the
SQL. For a query whose every field is of a kind it knows, this path plans the query once per
text (`plan.py`): which columns are attributes, which fields are plain synchronous methods
of the type, which are relations declared in the types' `relations` or `connections`, and
which root fields it knows (`node(id:)`, the lists registered with `compiled_root`). Then it
runs the plan (`run.py`): one statement per relation and level for every object of that
level at once, through the same loaders' statements and the same visibility conditions as
the resolvers, rows read as plain rows, and the answer built as dictionaries.

Whatever the plan does not know (a field with arguments, a field guarded by a rule of its
own, an async resolver, a fragment on an abstract type, `@skip`/`@include`), and whatever
the run cannot answer as the resolvers would (a root field the caller may not call, a bad
ID, a null where the schema promises a value), makes the query take the resolver path, which
answers it, errors included, as it always has. So the compiled path changes how fast an
answer comes, never what it says: `tests/core/test_compiled_reads.py` compares both paths for
every benchmarked view and every role, byte for byte.
"""
