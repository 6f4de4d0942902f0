from __future__ import annotations

import strawberry

from backend.cobuilding.errors import CoBuildingErrorCode


@strawberry.type(description="需求、资源、项目与微心愿相关操作的错误")
class CoBuildingError:
    field: str | None
    code: CoBuildingErrorCode
    message: str
