"""The meetings area's mutations, one module per stage of a meeting's work: proposals, preparing
the meeting and its agenda, running it, its decisions and action items, tracking them to
completion."""

from backend.meetings.mutations.common import MeetingError
from backend.meetings.mutations.decisions import DecisionMutations
from backend.meetings.mutations.deliberation import DeliberationMutations
from backend.meetings.mutations.preparation import MeetingPreparationMutations
from backend.meetings.mutations.proposals import ProposalMutations
from backend.meetings.mutations.tracking import TrackingMutations

MEETING_MUTATIONS = (
    ProposalMutations,
    MeetingPreparationMutations,
    DeliberationMutations,
    DecisionMutations,
    TrackingMutations,
)

__all__ = ["MEETING_MUTATIONS", "MeetingError"]
