"""newslab's NLTK modules come without ``import nltk``'s package imports, and the rest of
NLTK still works afterwards, as the same objects (each case in a fresh interpreter)."""

from .conftest import fresh_python

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
        r = fresh_python(PRE + case)
        assert r.returncode == 0, (case, r.stderr[-2000:])


def test_frozen_modules_off():
    # (the standard library read from its files; CPython's import system itself stays
    # frozen there, and nltk_light also knows its file names, where it is not)
    r = fresh_python(PRE + CASES[0], "-X", "frozen_modules=off")
    assert r.returncode == 0, r.stderr[-2000:]


def test_nltk_first_then_newslab():
    code = ("import nltk, sys; from nltk.stem import PorterStemmer\n"
            "import newslab.tokenize as t, newslab.keywords.normalize as nz\n"
            "assert t.PunktSentenceTokenizer is nltk.tokenize.punkt.PunktSentenceTokenizer\n"
            "assert type(nz._stemmer()) is PorterStemmer")
    r = fresh_python(code)
    assert r.returncode == 0, r.stderr[-2000:]


def test_failed_deferral_falls_back_to_the_plain_import():
    code = ("import sys, newslab.nltk_light as nl\n"
            "def broken(name): raise RuntimeError('another layout')\n"
            "nl._deferred = broken\n"
            "punkt = nl.module('nltk.tokenize.punkt')\n"
            "import nltk\n"
            "assert type(nltk) is type(sys) and not isinstance(nltk, nl.DeferredPackage)\n"
            "assert nltk.tokenize.punkt is punkt and punkt.PunktSentenceTokenizer")
    r = fresh_python(code)
    assert r.returncode == 0, r.stderr[-2000:]
