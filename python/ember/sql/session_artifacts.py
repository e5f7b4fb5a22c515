"""SparkSession's artifact and Spark Connect methods, as PySpark Classic answers them.

``addArtifacts`` ships files to the executors through the context (as files, Python
dependencies or archives). The methods that exist only for Spark Connect clients
(``copyFromLocalToFs``, ``client``, the progress handlers) raise PySpark Classic's
``ONLY_SUPPORTED_WITH_SPARK_CONNECT``, so a program written for both fails the same way here.
"""
import filecmp
import os
from typing import Any, Callable

from ember.errors import PySparkRuntimeError, PySparkValueError


def _connect_only(feature: str) -> PySparkRuntimeError:
    return PySparkRuntimeError(errorClass="ONLY_SUPPORTED_WITH_SPARK_CONNECT",
                               messageParameters={"feature": feature})


class SessionArtifacts:
    """Mixed into SparkSession, whose ``sparkContext`` ships the files."""

    def addArtifacts(self, *path: str, pyfile: bool = False, archive: bool = False,
                     file: bool = False) -> None:
        """Adds local files to every executor: as Python dependencies (``pyfile``), as archives
        unpacked there (``archive``) or as plain files (``file``). A file already added with the
        same name must have the same contents."""
        from ember.files import SparkFiles

        if sum([file, pyfile, archive]) > 1:
            raise PySparkValueError(errorClass="INVALID_MULTIPLE_ARGUMENT_CONDITIONS",
                                    messageParameters={"arg_names": "'pyfile', 'archive' and/or 'file'",
                                                       "condition": "True together"})
        for p in path:
            normalized = os.path.abspath(p)
            target = os.path.join(SparkFiles.getRootDirectory(), os.path.basename(normalized))
            if os.path.exists(target) and not filecmp.cmp(normalized, target, shallow=False):
                raise PySparkRuntimeError(errorClass="DUPLICATED_ARTIFACT",
                                          messageParameters={"normalized_path": normalized})
        sc = self.sparkContext
        add = sc.addArchive if archive else sc.addPyFile if pyfile else sc.addFile if file else None
        if add is not None:
            for p in path:
                add(p)

    addArtifact = addArtifacts

    def copyFromLocalToFs(self, local_path: str, dest_path: str) -> None:
        raise _connect_only("SparkSession.copyFromLocalToFs")

    @property
    def client(self) -> Any:
        raise _connect_only("SparkSession.client")

    def registerProgressHandler(self, handler: Callable[..., Any]) -> None:
        raise _connect_only("SparkSession.registerProgressHandler")

    def removeProgressHandler(self, handler: Callable[..., Any]) -> None:
        raise _connect_only("SparkSession.removeProgressHandler")

    def clearProgressHandlers(self) -> None:
        raise _connect_only("SparkSession.clearProgressHandlers")
