"""dyad: news reports into PLOVER event data, with the evidence for every record."""

__version__ = "0.1.0"
