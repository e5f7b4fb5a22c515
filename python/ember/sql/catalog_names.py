"""Spark's name patterns for catalog listings (``*`` any text, ``|`` alternatives,
case-insensitive), for names the JVM does not list (Python UDFs, catalogs)."""

import re

__all__ = ["matches"]


def matches(pattern: str, name: str) -> bool:
    """Whether ``name`` matches ``pattern`` as a whole.

    >>> matches("up*|low*", "Upper")
    True
    """
    alternatives = [".*".join(re.escape(p) for p in alt.strip().split("*"))
                    for alt in pattern.lower().split("|")]
    return re.fullmatch("|".join(alternatives), name.lower()) is not None
