"""Uploaded photos and documents: size and count limits, and their type, recognised by the
first bytes of the file rather than by what the client claims. Each area refuses with its own
error codes (`UploadCodes`), so a client branches on the codes of the mutation it called."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.attachments.models import Attachment
from backend.core.errors import DomainError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 5
# Attachment.filename holds this many characters.
MAX_FILENAME = 200
SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
]
OFFICE = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FILE_TYPE_MESSAGE = "只能上传图片（JPEG、PNG）或文档（PDF、Word、Excel）。"


@dataclass(frozen=True)
class File:
    filename: str
    content: bytes


@dataclass(frozen=True)
class UploadCodes:
    """The owning area's error codes for the ways an upload is refused."""

    too_many: enum.Enum
    too_large: enum.Enum
    file_type: enum.Enum
    name_too_long: enum.Enum


def file_type(file: File, field: str, codes: UploadCodes) -> str:
    for signature, content_type in SIGNATURES:
        if file.content.startswith(signature):
            return content_type
    suffix = file.filename.lower()[file.filename.rfind(".") :]
    if suffix in OFFICE and file.content.startswith(b"PK\x03\x04"):
        return OFFICE[suffix]
    raise DomainError(field, codes.file_type, f"“{file.filename[:60]}”：{FILE_TYPE_MESSAGE}")


def check_files(files: list[File], field: str, codes: UploadCodes) -> list[tuple[File, str]]:
    """Each file with its recognised type, or the area's error for the first one refused."""
    if len(files) > MAX_FILES:
        raise DomainError(field, codes.too_many, f"每次最多上传 {MAX_FILES} 个文件。")
    checked = []
    for file in files:
        if len(file.filename) > MAX_FILENAME:
            raise DomainError(
                field,
                codes.name_too_long,
                f"“{file.filename[:60]}…”：文件名最多 {MAX_FILENAME} 个字，请改短后再上传。",
            )
        if len(file.content) > MAX_FILE_BYTES:
            raise DomainError(
                field,
                codes.too_large,
                f"“{file.filename[:60]}”超过 {MAX_FILE_BYTES // 1024 // 1024} MB。",
            )
        checked.append((file, file_type(file, field, codes)))
    return checked


def add_attachments(
    session: AsyncSession,
    files: list[tuple[File, str]],
    *,
    progress_id: int | None = None,
    proposal_id: int | None = None,
    agenda_item_id: int | None = None,
    need_id: int | None = None,
    micro_wish_id: int | None = None,
    project_update_id: int | None = None,
) -> None:
    """Store checked files under their one owner."""
    session.add_all(
        Attachment(
            progress_id=progress_id,
            proposal_id=proposal_id,
            agenda_item_id=agenda_item_id,
            need_id=need_id,
            micro_wish_id=micro_wish_id,
            project_update_id=project_update_id,
            filename=file.filename,
            content_type=content_type,
            size=len(file.content),
            content=file.content,
        )
        for file, content_type in files
    )


async def read_uploads(uploads: list[Any]) -> list[File]:
    """Read and close every upload (the form parser leaves temporary files open); a file past
    the limit is read only far enough to be refused."""
    files = []
    for upload in uploads:
        try:
            content = await upload.read(MAX_FILE_BYTES + 1)
            files.append(File(filename=upload.filename or "文件", content=content))
        finally:
            await upload.close()
    return files
