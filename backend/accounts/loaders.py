from __future__ import annotations

from backend.accounts.models import ApiToken
from backend.core.dataloaders import ByIdLoader


class ApiTokenByIdLoader(ByIdLoader[ApiToken]):
    model = ApiToken
