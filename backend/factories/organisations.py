"""Factories of the organisation tree, people, resident units and committee memberships."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from backend.core.models import key
from backend.factories.base import (
    HULIAO,
    BaseFactory,
    fake,
    huliao_address,
    make_id_number,
    persist,
    session,
    zh,
)
from backend.organisations.models import Grid, Organisation, OrganisationKind
from backend.organisations.services import child_path
from backend.people.models import (
    CommitteeMembership,
    CommitteeMembershipRole,
    CommitteeRole,
    Gender,
    Person,
)
from backend.units.models import (
    AgreementCommitment,
    AgreementStatus,
    CoBuildingAgreement,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    ResidentUnit,
    ResidentUnitKind,
    UnitStaff,
)

# --- organisations -----------------------------------------------------------------------


class OrganisationFactory(BaseFactory[Organisation]):
    class Meta:
        model = Organisation

    # Declarations, so that subclasses may give plain values or other declarations.
    name: Any = factory.Sequence(lambda n: f"第{n + 1}社区党委")
    kind = OrganisationKind.COMMUNITY_COMMITTEE
    parent_id: Any = None
    secretary_name = zh("name")
    address = factory.LazyFunction(lambda: HULIAO)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Organisation:
        organisation: Organisation = super()._create(model_class, *args, **kwargs)
        parent = (
            session.get(Organisation, organisation.parent_id) if organisation.parent_id else None
        )
        assert organisation.id is not None
        organisation.path = child_path(parent, organisation.id)
        persist(cls)
        return organisation


class StreetFactory(OrganisationFactory):
    name = "湖寮镇党委"
    kind = OrganisationKind.STREET_COMMITTEE


class CommunityFactory(OrganisationFactory):
    class Params:
        street = factory.SubFactory(StreetFactory)

    kind = OrganisationKind.COMMUNITY_COMMITTEE
    parent_id = factory.SelfAttribute("street.id")


class PersonFactory(BaseFactory[Person]):
    class Meta:
        model = Person

    gender = factory.LazyFunction(lambda: fake.random_element([Gender.MALE, Gender.FEMALE]))
    name = factory.LazyAttribute(
        lambda o: fake.name_male() if o.gender is Gender.MALE else fake.name_female()
    )
    mobile = zh("phone_number")
    birth_date = zh("date_of_birth", minimum_age=20, maximum_age=80)
    id_number = factory.LazyAttributeSequence(
        lambda o, n: make_id_number(o.birth_date, n, o.gender)
    )
    address = factory.LazyFunction(lambda: huliao_address())
    is_party_member = False
    community_id = None


class GridFactory(BaseFactory[Grid]):
    class Meta:
        model = Grid

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    name = factory.Sequence(lambda n: f"第{n + 1}网格")
    households = factory.Faker("random_int", min=150, max=300)


# --- units ---------------------------------------------------------------------------------


class ResidentUnitFactory(BaseFactory[ResidentUnit]):
    class Meta:
        model = ResidentUnit

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    name = factory.Sequence(lambda n: f"大埔县第{n + 1}驻区单位")
    kind = ResidentUnitKind.AGENCY
    address = factory.LazyAttribute(lambda o: f"{HULIAO}{o.name}")
    party_organisation_name = factory.LazyAttribute(lambda o: f"{o.name}党支部")
    party_member_count = factory.Faker("random_int", min=3, max=60)


class UnitStaffFactory(BaseFactory[UnitStaff]):
    class Meta:
        model = UnitStaff

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)
        person = factory.SubFactory(PersonFactory)

    unit_id = factory.SelfAttribute("unit.id")
    person_id = factory.SelfAttribute("person.id")
    position = "工作人员"


class AgreementFactory(BaseFactory[CoBuildingAgreement]):
    class Meta:
        model = CoBuildingAgreement

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    title = factory.LazyAttribute(lambda o: f"{o.unit.name}共驻共建协议")
    signed_on = dt.date(2026, 1, 10)
    starts_on = dt.date(2026, 1, 10)
    ends_on = dt.date(2027, 1, 9)
    status = AgreementStatus.ACTIVE


class CommitmentFactory(BaseFactory[AgreementCommitment]):
    class Meta:
        model = AgreementCommitment

    class Params:
        agreement = factory.SubFactory(AgreementFactory)

    agreement_id = factory.SelfAttribute("agreement.id")
    position = factory.Sequence(lambda n: n + 1)
    category = "志愿服务"
    description = "每季度组织党员志愿者到社区开展服务不少于一次"
    quantity = 4
    unit_of_measure = "次"


class RegistrationFactory(BaseFactory[Registration]):
    class Meta:
        model = Registration

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    kind = RegistrationKind.UNIT
    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    person_id = None
    registered_on = dt.date(2026, 1, 15)
    status = RegistrationStatus.CONFIRMED


# --- people --------------------------------------------------------------------------------


class MembershipFactory(BaseFactory[CommitteeMembership]):
    class Meta:
        model = CommitteeMembership

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)
        person = factory.SubFactory(PersonFactory, is_party_member=True)
        roles: tuple[CommitteeRole, ...] = (CommitteeRole.POLICY_PUBLICIST,)

    person_id = factory.SelfAttribute("person.id")
    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    term_start = dt.date(2024, 1, 1)
    term_end = dt.date(2028, 12, 31)
    title = "兼职委员"

    @factory.post_generation
    def with_roles(obj: CommitteeMembership, create: bool, extracted: Any, **kwargs: Any) -> None:
        roles = extracted if extracted is not None else (CommitteeRole.POLICY_PUBLICIST,)
        for role in roles:
            session.add(CommitteeMembershipRole(membership_id=key(obj), role=role))
        persist(MembershipFactory)
