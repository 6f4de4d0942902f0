"""The cobuilding area's GraphQL types, one module per entity: the needs with their dispatches
and resource suggestions, the resources units offer, the projects with their milestones and
progress updates, the micro-wishes."""
