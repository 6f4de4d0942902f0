from __future__ import annotations

from backend.accounts.models import ApiToken, User
from backend.core.dataloaders import ByIdLoader


class ApiTokenByIdLoader(ByIdLoader[ApiToken]):
    model = ApiToken


class UserByIdLoader(ByIdLoader[User]):
    model = User
