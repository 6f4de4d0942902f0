from __future__ import annotations

from backend.core.dataloaders import ByIdLoader
from backend.evaluations.models import Evaluation


class EvaluationByIdLoader(ByIdLoader[Evaluation]):
    model = Evaluation
