"""Job and stage progress (PySpark's ``pyspark.status``), read from the engine's tracker.

The engine updates its tracker from scheduler events asynchronously, so a job that just
ended may still show as RUNNING for a few milliseconds.

>>> tracker = sc.statusTracker()                              # doctest: +SKIP
>>> sc.setJobGroup("nightly", "report")                       # doctest: +SKIP
>>> sc.parallelize(range(10)).count()                         # doctest: +SKIP
>>> tracker.getJobInfo(tracker.getJobIdsForGroup("nightly")[0]).status   # doctest: +SKIP
'SUCCEEDED'
"""

from typing import List, NamedTuple, Optional

__all__ = ["StatusTracker", "SparkJobInfo", "SparkStageInfo"]


class SparkJobInfo(NamedTuple):
    """A job's id, its stages and its status: RUNNING, SUCCEEDED or FAILED."""
    jobId: int
    stageIds: List[int]
    status: str


class SparkStageInfo(NamedTuple):
    """A stage's latest attempt and its task counts."""
    stageId: int
    currentAttemptId: int
    name: str
    numTasks: int
    numActiveTasks: int
    numCompletedTasks: int
    numFailedTasks: int


class StatusTracker:
    """Monitoring of recent jobs and stages; returns None for ids it does not know."""

    def __init__(self, jtracker):
        self._jtracker = jtracker

    def getJobIdsForGroup(self, jobGroup: Optional[str] = None) -> List[int]:
        """Ids of the known jobs in ``jobGroup`` (None: the jobs without a group)."""
        return list(self._jtracker.getJobIdsForGroup(jobGroup))

    def getActiveJobsIds(self) -> List[int]:
        return sorted(self._jtracker.getActiveJobIds())

    def getActiveStageIds(self) -> List[int]:
        return sorted(self._jtracker.getActiveStageIds())

    def getJobInfo(self, jobId: int) -> Optional[SparkJobInfo]:
        j = self._jtracker.getJobInfo(jobId)
        if j is None:
            return None
        return SparkJobInfo(j.jobId(), list(j.stageIds()), j.status())

    def getStageInfo(self, stageId: int) -> Optional[SparkStageInfo]:
        s = self._jtracker.getStageInfo(stageId)
        if s is None:
            return None
        return SparkStageInfo(s.stageId(), s.attempt(), s.name(), s.numTasks(),
                              s.numActiveTasks(), s.numCompletedTasks(), s.numFailedTasks())
