"""SparkFiles: where files added with SparkContext.addFile are found, on the driver and in
tasks."""

import os
from typing import Optional


class SparkFiles:
    """Resolves names of files added with ``SparkContext.addFile``."""

    _root_directory: Optional[str] = None

    def __init__(self) -> None:
        raise TypeError("SparkFiles only has class methods")

    @classmethod
    def get(cls, filename: str) -> str:
        return os.path.abspath(os.path.join(cls.getRootDirectory(), filename))

    @classmethod
    def getRootDirectory(cls) -> str:
        from ember.taskcontext import TaskContext
        ctx = TaskContext.get()
        if ctx is not None and ctx.files_dir:
            return ctx.files_dir
        return cls._root_directory or os.getcwd()
