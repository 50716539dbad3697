"""The one exception tree of dyad. The CLI turns an EngineError into one line and exit code 1."""


class EngineError(Exception):
    """Base of every error dyad raises on purpose; the message names the input and the reason."""


class InputError(EngineError):
    """An input file, line or article cannot be read or coded."""


class StoreError(EngineError):
    """The DuckDB store cannot be opened, read or written."""


class DataError(EngineError):
    """A shipped or user data file (ontology, rules, knowledge base, gold) is malformed."""
