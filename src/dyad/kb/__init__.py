"""kb: see docs/design.md."""
