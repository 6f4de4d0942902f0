"""The volunteering area's mutations, one module per entity."""

from backend.volunteering.mutations.activities import ActivityMutations
from backend.volunteering.mutations.common import VolunteeringError
from backend.volunteering.mutations.points import PointsMutations
from backend.volunteering.mutations.service_records import ServiceRecordMutations
from backend.volunteering.mutations.teams import TeamMutations

VOLUNTEERING_MUTATIONS = (ActivityMutations, ServiceRecordMutations, PointsMutations, TeamMutations)

__all__ = ["VOLUNTEERING_MUTATIONS", "VolunteeringError"]
