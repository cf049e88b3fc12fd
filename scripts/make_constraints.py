"""Print pinned versions for every dependency of newslab[dev], resolved for Python 3.10.

Resolving for the oldest supported Python gives releases that install on 3.10 to 3.13 alike,
so the notebooks' stored outputs (which depend on pandas, numpy, matplotlib, nltk and
scikit-learn) come back the same everywhere. Usage: make constraints
"""
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

root = Path(__file__).resolve().parents[1]
meta = tomllib.loads((root / "pyproject.toml").read_text())["project"]
reqs = list(meta["dependencies"])
for name, extra in meta["optional-dependencies"].items():
    reqs += [r for r in extra if not r.startswith("newslab")]
with tempfile.TemporaryDirectory() as tmp:
    report = Path(tmp) / "report.json"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--dry-run",
                    "--ignore-installed", "--python-version", "3.10", "--only-binary=:all:",
                    "--target", str(Path(tmp) / "t"), "--report", str(report), *reqs],
                   check=True)
    installs = json.loads(report.read_text())["install"]
pins = sorted((i["metadata"]["name"], i["metadata"]["version"]) for i in installs)
print("# Pinned versions: the notebooks' stored outputs depend on these (pandas, numpy, "
      "matplotlib, nltk, scikit-learn above all).")
print("# Resolved for Python 3.10 so that 3.10, 3.11, 3.12 and 3.13 install the very same releases.")
print("# Regenerate with: make constraints")
for name, version in sorted(pins, key=lambda p: p[0].lower()):
    print(f"{name}=={version}")
