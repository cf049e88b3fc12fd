"""newslab's NLTK modules come without ``import nltk``'s package imports, and the rest of
NLTK still works afterwards, as the same objects (each case in a fresh interpreter)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRE = """
import sys
import newslab.tokenize, newslab.keywords.normalize as nz
nz._stemmer()
assert "nltk.classify" not in sys.modules and "sklearn" not in sys.modules
from newslab.nltk_light import module
punkt = module("nltk.tokenize.punkt")
assert punkt.PunktSentenceTokenizer is newslab.tokenize.PunktSentenceTokenizer
"""

CASES = [
    "from nltk.stem import PorterStemmer; assert PorterStemmer is "
    "module('nltk.stem.porter').PorterStemmer; assert PorterStemmer().stem('talks') == 'talk'",
    "import nltk; assert nltk.__version__ and nltk.tokenize.punkt is punkt; "
    "assert nltk.tokenize.PunktSentenceTokenizer is punkt.PunktSentenceTokenizer",
    "from nltk.tokenize import NLTKWordTokenizer, word_tokenize; "
    "assert NLTKWordTokenizer().tokenize('It is.') == ['It', 'is', '.']",
    "from nltk.sentiment.vader import SentimentIntensityAnalyzer as S; assert S",
    "from nltk.collocations import BigramCollocationFinder as B; assert B",
    "import nltk.stem; assert nltk.stem.SnowballStemmer('english').stem('talks') == 'talk'",
    "from nltk import FreqDist; assert FreqDist('aab')['a'] == 2",
]


def test_nltk_modules_light_then_the_rest_of_nltk():
    for case in CASES:
        r = subprocess.run([sys.executable, "-c", PRE + case], cwd=ROOT, capture_output=True,
                           text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert r.returncode == 0, (case, r.stderr[-2000:])


def test_frozen_modules_off():
    # (the standard library read from its files; CPython's import system itself stays
    # frozen there, and nltk_light also knows its file names, where it is not)
    r = subprocess.run([sys.executable, "-X", "frozen_modules=off", "-c", PRE + CASES[0]],
                       cwd=ROOT, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-2000:]


def test_nltk_first_then_newslab():
    code = ("import nltk, sys; from nltk.stem import PorterStemmer\n"
            "import newslab.tokenize as t, newslab.keywords.normalize as nz\n"
            "assert t.PunktSentenceTokenizer is nltk.tokenize.punkt.PunktSentenceTokenizer\n"
            "assert type(nz._stemmer()) is PorterStemmer")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-2000:]
