"""Time expressions: resolve "Monday", "last week", "on Nov. 4", "in 2014" against the article date.

Takes the text of a date expression, the publication date and whether the event is in the future;
gives a `date` and its precision (day, week, month, year). The common news forms are handled by
small rules; anything else falls back to dateparser with the article date as the base.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}

_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(_MONTH_RE + r"(?:\s+(?:of\s+)?(\d{4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(day|week|month|year|decade)s?\s+ago\b")
_VAGUE_AGO = re.compile(r"\b(years|decades)\s+ago\b")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, base: date, future: bool) -> int:
    """The year a month-day without year most plausibly means, seen from the article date."""
    year = base.year
    candidate = _safe_date(year, month, day) or date(year, month, 28)
    if not future and candidate > base + timedelta(days=31):
        return year - 1
    if future and candidate < base - timedelta(days=31):
        return year + 1
    return year


def resolve_date(text: str, base: date, future: bool = False) -> tuple[date, str] | None:
    """The date a time expression points to and its precision, or None when it names no date."""
    return _resolve(text.lower().strip(), base, future)


@lru_cache(maxsize=4096)
def _resolve(low: str, base: date, future: bool) -> tuple[date, str] | None:
    if m := _ISO.search(low):
        found = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (found, "day") if found else None
    if re.search(r"\btoday\b|\btonight\b|\bthis morning\b|\bthis afternoon\b|\bthis evening\b", low):
        return base, "day"
    if "yesterday" in low or "last night" in low:
        return base - timedelta(days=1), "day"
    if "tomorrow" in low:
        return base + timedelta(days=1), "day"
    if m := _AGO.search(low):
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        unit = m[2]
        days = n * (3650 if unit == "decade" else _UNITS[unit])
        return base - timedelta(days=days), ("year" if unit == "decade" else unit)
    if m := _VAGUE_AGO.search(low):  # "years ago", "decades ago": at least a few of them
        return base - timedelta(days=3 * (3650 if m[1] == "decades" else 365)), "year"
    for span, days in (("week", 7), ("month", 30), ("year", 365)):
        if re.search(rf"\blast {span}\b|\bpast {span}\b|\bprevious {span}\b", low):
            return _shift(base, span, -1), span
        if re.search(rf"\bnext {span}\b|\bcoming {span}\b", low):
            return _shift(base, span, 1), span
        if re.search(rf"\bthis {span}\b|\bearlier this {span}\b|\blater this {span}\b", low):
            return base, span
    if m := _MONTH_DAY.search(low):
        month, day = _MONTHS[m[1]], int(m[2])
        year = int(m[3]) if m[3] else _year_for(month, day, base, future)
        found = _safe_date(year, month, day)
        return (found, "day") if found else None
    if m := _DAY_MONTH.search(low):
        day, month = int(m[1]), _MONTHS[m[2]]
        year = int(m[3]) if m[3] else _year_for(month, day, base, future)
        found = _safe_date(year, month, day)
        return (found, "day") if found else None
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            return _weekday(base, index, future or low.startswith("next")), "day"
    if m := _DECADE.search(low):
        return date(int(m[1]), 1, 1), "year"
    if (m := _MONTH_YEAR.search(low)) and (m[2] or m[1] not in ("may", "mar")):
        month = _MONTHS[m[1]]
        year = int(m[2]) if m[2] else _year_for(month, 1, base, future)
        return date(year, month, 1), "month"
    if m := _YEAR.search(low):
        return date(int(m[1]), 1, 1), "year"
    return None


def _shift(base: date, span: str, sign: int) -> date:
    if span == "week":
        return base + timedelta(days=7 * sign)
    if span == "month":
        month = base.month + sign
        year = base.year + (month - 1) // 12
        return date(year, (month - 1) % 12 + 1, 1)
    return date(base.year + sign, 1, 1)


def _weekday(base: date, weekday: int, future: bool) -> date:
    """The weekday nearest the article date: the last one on or before it, or the next one."""
    if future:
        ahead = (weekday - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead)
    back = (base.weekday() - weekday) % 7
    return base - timedelta(days=back)


def is_historical(found: date, precision: str, base: date) -> bool:
    """A date well before the article (an earlier year, or more than a year back)."""
    if precision == "year":
        return found.year < base.year
    return (base - found).days > 365
