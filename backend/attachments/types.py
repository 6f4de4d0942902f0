from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import _AttachmentsLoader


@strawberry.type(name="Attachment", description="照片或文件（进展佐证、建议附件、议题材料）")
class AttachmentType:
    id: strawberry.Private[int]
    filename: str
    content_type: str
    size: int

    @strawberry.field(description="下载地址（需登录）")
    def url(self) -> str:
        return f"/attachments/{relay.GlobalID('Attachment', str(self.id))}"


async def load_attachments(
    info: Info[Any, Any], loader: type[_AttachmentsLoader], owner_id: int
) -> list[AttachmentType]:
    """The files of one owner through the request's loader of that owner's kind."""
    return attachment_types(await info.context.loader(loader).load(owner_id))


def attachment_types(rows: Sequence[Any]) -> list[AttachmentType]:
    return [
        AttachmentType(id=r.id, filename=r.filename, content_type=r.content_type, size=r.size)
        for r in rows
    ]
