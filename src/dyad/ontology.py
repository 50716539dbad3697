"""The PLOVER ontology as typed data: types, modes, quad codes, scores and CAMEO roots.

Reads `data/plover.yaml`; nothing else in dyad hard-codes a score or a code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from dyad.errors import DataError


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: int
    score: float
    cameo: str
    modes: dict[str, float]
    cameo_by_mode: dict[str, str]


@dataclass(frozen=True, slots=True)
class Ontology:
    version: str
    types: dict[str, EventType]
    contexts: tuple[str, ...]
    sectors: tuple[str, ...]
    modalities: tuple[str, ...]

    def score(self, event: str, modes: tuple[str, ...]) -> float:
        """The PLOVER score: the first mode's score when it has one, else the type's."""
        etype = self.types[event]
        for mode in modes:
            if mode in etype.modes:
                return float(etype.modes[mode])
        return float(etype.score)

    def cameo_root(self, event: str, modes: tuple[str, ...]) -> str:
        etype = self.types[event]
        for mode in modes:
            if mode in etype.cameo_by_mode:
                return etype.cameo_by_mode[mode]
        return etype.cameo


def gdelt_quad_class(cameo_root: str) -> int:
    """GDELT QuadClass from a CAMEO root: 01-05 verbal coop, 06-08 material coop, 09-13, 14-20."""
    root = int(cameo_root)
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    raw = yaml.safe_load(resources.files("dyad.data").joinpath("plover.yaml").read_text("utf-8"))
    types = {}
    for name, spec in raw["types"].items():
        try:
            types[name] = EventType(
                name=name,
                quad=int(spec["quad"]),
                score=float(spec["score"]),
                cameo=str(spec["cameo"]),
                modes={str(k): float(v) for k, v in (spec.get("modes") or {}).items()},
                cameo_by_mode={str(k): str(v) for k, v in (spec.get("cameo_by_mode") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"plover.yaml: type {name} is malformed ({exc})") from exc
    return Ontology(
        version=raw["version"],
        types=types,
        contexts=tuple(raw["contexts"]),
        sectors=tuple(raw["sectors"]),
        modalities=tuple(raw["modalities"]),
    )
