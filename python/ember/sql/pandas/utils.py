"""The optional packages: pandas and pyarrow, at PySpark 4.3's minimum versions.

>>> require_minimum_pandas_version()   # doctest: +SKIP
"""

from ember.errors import PySparkImportError

__all__ = ["require_minimum_pandas_version", "require_minimum_pyarrow_version",
           "MINIMUM_PANDAS_VERSION", "MINIMUM_PYARROW_VERSION"]

MINIMUM_PANDAS_VERSION = "2.2.0"
MINIMUM_PYARROW_VERSION = "18.0.0"


def _version_tuple(text: str) -> tuple:
    parts = []
    for piece in text.split("."):
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits or 0))
    return tuple(parts)


def _require(module_name: str, package_name: str, minimum: str) -> None:
    try:
        module = __import__(module_name)
    except ImportError as e:
        raise PySparkImportError(
            "[PACKAGE_NOT_INSTALLED] %s >= %s must be installed; however, it was not found. "
            "Install Ember's pandas extra: pip install 'ember[pandas]'."
            % (package_name, minimum), "PACKAGE_NOT_INSTALLED",
            {"package_name": package_name, "minimum_version": minimum}) from e
    version = getattr(module, "__version__", "0")
    if _version_tuple(version) < _version_tuple(minimum):
        raise PySparkImportError(
            "[UNSUPPORTED_PACKAGE_VERSION] %s >= %s must be installed; however, your version "
            "is %s." % (package_name, minimum, version), "UNSUPPORTED_PACKAGE_VERSION",
            {"package_name": package_name, "minimum_version": minimum,
             "current_version": version})


def require_minimum_pandas_version() -> None:
    """Raises ``PySparkImportError`` naming pandas when it is missing or too old."""
    _require("pandas", "Pandas", MINIMUM_PANDAS_VERSION)


def require_minimum_pyarrow_version() -> None:
    """Raises ``PySparkImportError`` naming PyArrow when it is missing or too old."""
    _require("pyarrow", "PyArrow", MINIMUM_PYARROW_VERSION)


def require_pandas_and_arrow() -> None:
    require_minimum_pandas_version()
    require_minimum_pyarrow_version()
