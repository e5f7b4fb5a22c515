"""Build hook: copies the engine jar into ember/jars/ so `pip install ./python` carries it.

The jar is built by `mvn -q -DskipTests package` (jvm/target/ember-engine-0.1.0-all.jar);
EMBER_ENGINE_JAR may point elsewhere. Metadata lives in pyproject.toml.
"""

import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
JAR_GLOB = os.path.join(HERE, "..", "jvm", "target", "ember-engine-*-all.jar")


class BuildPyWithJar(build_py):
    def run(self):
        jar = os.environ.get("EMBER_ENGINE_JAR") or next(iter(sorted(glob.glob(JAR_GLOB))), None)
        packaged = glob.glob(os.path.join(HERE, "ember", "jars", "ember-engine-*.jar"))
        if jar and os.path.isfile(jar):
            target_dir = os.path.join(HERE, "ember", "jars")
            os.makedirs(target_dir, exist_ok=True)
            for old in packaged:
                os.unlink(old)
            shutil.copy(jar, os.path.join(target_dir, "ember-engine-0.1.0.jar"))
        elif not packaged:
            raise SystemExit("Ember engine jar not found (looked for %s); build it first with "
                             "`mvn -q -DskipTests package` in the repository root, or set "
                             "EMBER_ENGINE_JAR" % os.path.normpath(JAR_GLOB))
        super().run()


setup(cmdclass={"build_py": BuildPyWithJar})
