"""Every table, imported once so that SQLModel.metadata is complete (Alembic, tests, seed)."""

from backend.cobuilding.models import (
    MicroWish,
    Need,
    Project,
    ProjectMilestone,
    ProjectPartner,
)
from backend.evaluations.models import Evaluation
from backend.meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    JointMeeting,
    MeetingAttendance,
)
from backend.organisations.models import Grid, Organisation
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, Person
from backend.units.models import (
    AgreementCommitment,
    CoBuildingAgreement,
    Registration,
    ResidentUnit,
    UnitStaff,
)
from backend.volunteering.models import ServiceRecord, VolunteerTeam, VolunteerTeamMember

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgreementCommitment",
    "CoBuildingAgreement",
    "CommitteeMembership",
    "CommitteeMembershipRole",
    "Decision",
    "Evaluation",
    "Grid",
    "JointMeeting",
    "MeetingAttendance",
    "MicroWish",
    "Need",
    "Organisation",
    "Person",
    "Project",
    "ProjectMilestone",
    "ProjectPartner",
    "Registration",
    "ResidentUnit",
    "ServiceRecord",
    "UnitStaff",
    "VolunteerTeam",
    "VolunteerTeamMember",
]
