"""Print pinned versions for every dependency of newslab[dev], resolved on Python 3.10.

Resolving on the oldest supported Python gives releases that install on 3.10 to 3.13 alike,
so the notebooks' stored outputs (which depend on pandas, numpy, matplotlib, nltk and
scikit-learn) come back the same everywhere. pip's --python-version does not honour every
package's Requires-Python, so the resolution runs in a real Python 3.10 interpreter.

Usage: make constraints   (or: python3.11 scripts/make_constraints.py [PYTHON3.10])
"""
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib  # this script runs on 3.11+; the resolution itself runs on 3.10
from pathlib import Path

root = Path(__file__).resolve().parents[1]
py310 = sys.argv[1] if len(sys.argv) > 1 else shutil.which("python3.10")
if not py310:
    sys.exit("make_constraints: needs a python3.10 interpreter (pass its path)")
meta = tomllib.loads((root / "pyproject.toml").read_text())["project"]
reqs = list(meta["dependencies"])
for extra in meta["optional-dependencies"].values():
    reqs += [r for r in extra if not r.startswith("newslab")]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([py310, "-m", "venv", f"{tmp}/venv"], check=True)
    report = Path(tmp) / "report.json"
    subprocess.run([f"{tmp}/venv/bin/python", "-m", "pip", "install", "--quiet", "--dry-run",
                    "--ignore-installed", "--report", str(report), *reqs], check=True)
    installs = json.loads(report.read_text())["install"]
pins = sorted(((i["metadata"]["name"], i["metadata"]["version"]) for i in installs),
              key=lambda p: p[0].lower())
print("# Pinned versions: the notebooks' stored outputs depend on these (pandas, numpy, "
      "matplotlib, nltk, scikit-learn above all).")
print("# Resolved on Python 3.10 so that 3.10, 3.11, 3.12 and 3.13 install the very same "
      "releases.")
print("# Regenerate with: make constraints")
for name, version in pins:
    print(f"{name}=={version}")
