"""Every table, imported once so that SQLModel.metadata is complete (Alembic, tests, seed)."""

from backend.accounts.models import ApiToken, LoginSession, RoleGrant, User
from backend.attachments.models import Attachment
from backend.audit.models import AuditLogEntry
from backend.cobuilding.models import (
    MicroWish,
    Need,
    NeedDispatch,
    Project,
    ProjectMilestone,
    ProjectPartner,
    ProjectUpdate,
)
from backend.evaluations.models import Evaluation
from backend.meetings.models import (
    ActionItem,
    ActionProgress,
    AgendaItem,
    AgendaVersion,
    Decision,
    JointMeeting,
    MeetingAttendance,
    Proposal,
)
from backend.notifications.models import Notification, WebhookEndpoint, WebhookEvent
from backend.organisations.models import Grid, Organisation
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, Person
from backend.units.models import (
    AgreementCommitment,
    CoBuildingAgreement,
    Registration,
    ResidentUnit,
    UnitStaff,
)
from backend.volunteering.models import (
    ActivitySignup,
    PartnerMerchant,
    PointsEntry,
    PointsRule,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
)

__all__ = [
    "ActionItem",
    "ActionProgress",
    "ActivitySignup",
    "AgendaItem",
    "AgendaVersion",
    "AgreementCommitment",
    "ApiToken",
    "Attachment",
    "AuditLogEntry",
    "CoBuildingAgreement",
    "CommitteeMembership",
    "CommitteeMembershipRole",
    "Decision",
    "Evaluation",
    "Grid",
    "JointMeeting",
    "LoginSession",
    "MeetingAttendance",
    "MicroWish",
    "Need",
    "NeedDispatch",
    "Notification",
    "Organisation",
    "PartnerMerchant",
    "Person",
    "PointsEntry",
    "PointsRule",
    "Project",
    "ProjectMilestone",
    "ProjectPartner",
    "ProjectUpdate",
    "Proposal",
    "Registration",
    "ResidentUnit",
    "RoleGrant",
    "ServiceRecord",
    "UnitStaff",
    "User",
    "VolunteerActivity",
    "VolunteerTeam",
    "VolunteerTeamMember",
    "WebhookEndpoint",
    "WebhookEvent",
]
