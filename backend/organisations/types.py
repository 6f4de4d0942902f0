from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.core.pagination import Connection, PageArgs, connection_from_list
from backend.core.prefetch import Relation
from backend.core.types import ModelNode, present
from backend.organisations.loaders import (
    GridByIdLoader,
    GridsByCommunityLoader,
    OrganisationByIdLoader,
    OrganisationsByParentLoader,
)
from backend.organisations.models import ALLOWED_PARENT_KINDS, OrganisationKind
from backend.organisations.permissions import manages_tree
from backend.organisations.refs import holds_over, load_community, load_organisation
from backend.people.loaders import CommitteeMembershipsByCommunityLoader
from backend.people.refs import MembershipRef, PersonRef, load_person
from backend.units.loaders import ResidentUnitsByCommunityLoader
from backend.units.refs import ResidentUnitRef


@strawberry.type(
    name="Organisation", description="组织：街道党工委、社区党委、网格党支部、党小组、社会组织"
)
class OrganisationType(ModelNode):
    by_id_loader = OrganisationByIdLoader

    id: relay.NodeID[int]
    name: str
    kind: OrganisationKind
    code: str | None
    address: str | None
    secretary_name: str | None
    phone: str | None
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    parent_id: strawberry.Private[int | None]

    # Connections over a whole relation, paged in memory (the compiled read path reads them
    # for every organisation of a level at once; backend/core/compiled/).
    connections: ClassVar[dict[str, Relation]] = {
        "resident_units": Relation(ResidentUnitsByCommunityLoader, "id", many=True),
        "committee_members": Relation(CommitteeMembershipsByCommunityLoader, "id", many=True),
    }

    @strawberry.field(description="组织类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(
        description="当前用户能否修改、移动、归档此组织（街道管理员，在其管理范围内）"
    )
    async def viewer_can_manage(self, info: Info) -> bool:
        return await holds_over(info, self.id, manages_tree)

    @strawberry.field(description="可以设在此组织之下的组织类型")
    def child_kinds(self) -> list[OrganisationKind]:
        return [kind for kind, parents in ALLOWED_PARENT_KINDS.items() if self.kind in parents]

    @strawberry.field(description="上级组织")
    async def parent(self, info: Info) -> OrganisationType | None:
        return await load_organisation(info, self.parent_id)

    @strawberry.field(description="下级组织（未归档）")
    async def children(self, info: Info) -> list[OrganisationType]:
        rows = await info.context.loader(OrganisationsByParentLoader).load(self.id)
        return [OrganisationType.from_model(row) for row in rows]

    @strawberry.field(description="本社区的网格")
    async def grids(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[GridType]:
        rows = await info.context.loader(GridsByCommunityLoader).load(self.id)
        return await connection_from_list(
            info, rows, PageArgs(first, after, last, before), GridType.from_model
        )

    @strawberry.field(description="驻本社区的单位")
    async def resident_units(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResidentUnitRef]:
        rows = await info.context.loader(ResidentUnitsByCommunityLoader).load(self.id)
        return await connection_from_list(info, rows, PageArgs(first, after, last, before), present)

    @strawberry.field(description="本社区的兼职委员")
    async def committee_members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[MembershipRef]:
        rows = await info.context.loader(CommitteeMembershipsByCommunityLoader).load(self.id)
        return await connection_from_list(info, rows, PageArgs(first, after, last, before), present)

    @strawberry.field(description="驻本社区的单位数")
    async def unit_count(self, info: Info) -> int:
        return len(await info.context.loader(ResidentUnitsByCommunityLoader).load(self.id))

    @strawberry.field(description="本社区的网格数")
    async def grid_count(self, info: Info) -> int:
        return len(await info.context.loader(GridsByCommunityLoader).load(self.id))


@strawberry.type(name="Grid", description="网格：社区的一片，150–300 户，有网格长和网格员")
class GridType(ModelNode):
    by_id_loader = GridByIdLoader

    id: relay.NodeID[int]
    name: str
    households: int
    created_at: datetime
    updated_at: datetime
    community_id: strawberry.Private[int]
    branch_id: strawberry.Private[int | None]
    leader_id: strawberry.Private[int | None]
    worker_id: strawberry.Private[int | None]

    @strawberry.field(description="所属社区")
    async def community(self, info: Info) -> OrganisationType:
        return await load_community(info, self.community_id)

    @strawberry.field(description="网格党支部")
    async def branch(self, info: Info) -> OrganisationType | None:
        return await load_organisation(info, self.branch_id)

    @strawberry.field(description="网格长")
    async def leader(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.leader_id)

    @strawberry.field(description="网格员")
    async def worker(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.worker_id)
