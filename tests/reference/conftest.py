"""The reference article, read where CI lays ../shared beside the clone (or from $DYAD_REFERENCE)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(os.environ.get("DYAD_REFERENCE") or ROOT.parent / "shared" / "examples" / "seoul-borrell.txt")


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.exists():
        pytest.fail(f"reference article missing: {REFERENCE} (make test-reference needs ../shared beside the clone)")
    return REFERENCE.read_text("utf-8")
