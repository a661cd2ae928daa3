"""Validates a trailhunt notebook against nbformat's schema, executes it top to bottom with
nbclient, and checks that every query cell reproduces the rows stored as its output.

Usage: python check_notebook.py NOTEBOOK  (exit 0 and one summary line when all holds)
"""
import copy
import os
import sys

import nbclient
import nbformat


def rows(output):
    """Returns the header, the rows as a sorted list, and the row-count line of a stored table."""
    lines = "".join(output["data"]["text/plain"]).split("\n")
    return lines[0], sorted(lines[1:-1]), lines[-1]


def main(path):
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    if (nb.nbformat, nb.nbformat_minor) != (4, 5):
        sys.exit("not nbformat 4.5: %s.%s" % (nb.nbformat, nb.nbformat_minor))
    stored = copy.deepcopy(nb)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    checked = 0
    for before, after in zip(stored.cells, nb.cells):
        if before.cell_type != "code":
            continue
        errors = [o for o in after.outputs if o.output_type == "error"]
        if errors:
            sys.exit("cell %s failed: %s: %s" % (before.id, errors[0].ename, errors[0].evalue))
        old = [o for o in before.outputs if o.output_type == "execute_result"]
        new = [o for o in after.outputs if o.output_type == "execute_result"]
        if not old:
            continue
        if not new:
            sys.exit("cell %s returned nothing" % before.id)
        # The SQL's engine order is not total where trailhunt breaks ties itself, so rows compare as sets.
        if rows(old[0]) != rows(new[0]):
            sys.exit("cell %s: stored %r, re-run %r" % (before.id, rows(old[0]), rows(new[0])))
        checked += 1
    print("notebook: valid nbformat %d.%d, executed, %d query cells reproduced their stored rows"
          % (nb.nbformat, nb.nbformat_minor, checked))


if __name__ == "__main__":
    main(sys.argv[1])
