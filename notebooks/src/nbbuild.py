"""Tiny helpers to write a notebook from a list of cells (so notebooks are built from
reviewable Python, then executed with `make notebooks`)."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def md(text):
    return new_markdown_cell(text.strip("\n"))


def code(text, tags=None):
    c = new_code_cell(text.strip("\n"))
    if tags:
        c.metadata["tags"] = list(tags)
    return c


def write(path, cells):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, path)
