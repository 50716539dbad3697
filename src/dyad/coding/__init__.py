"""coding: see docs/design.md."""
