"""The meetings area's GraphQL types, one module per entity: the meeting with its attendance and
agenda, the decisions with their action items and progress, the proposals."""
