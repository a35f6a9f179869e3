"""forkstate: the literal dependency lists of a setup.py, read with the ast module (never imported or run).

Usage: python3 setupdeps.py SETUP_PY_FILE
Prints one JSON object: {"install_requires": [...], "extras_require": {extra: [...]}}, where a list that is not a
literal (a function call, a comprehension, a name bound to something else) is replaced by
{"install_requires_error": "computed: install_requires=..."}; or {"error": "..."} when the file does not parse.
A keyword missing from setup(...) is missing from the answer.
"""
import ast
import json
import sys

KEYWORDS = ("install_requires", "extras_require")


def literals(tree):
    """Module-level NAME = <literal>: setup(install_requires=REQUIRES) is common."""
    out = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = stmt.value
    return out


def setup_calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name == "setup":
                yield node


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError) as e:
        print(json.dumps({"error": "does not parse: %s" % e}))
        return
    names = literals(tree)
    calls = list(setup_calls(tree))
    if not calls:
        print(json.dumps({"error": "no setup(...) call"}))
        return
    result = {}
    for kw in calls[0].keywords:
        if kw.arg not in KEYWORDS:
            continue
        value = kw.value
        if isinstance(value, ast.Name) and value.id in names:
            value = names[value.id]
        try:
            result[kw.arg] = ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            result[kw.arg + "_error"] = "computed: %s=%s" % (kw.arg, ast.unparse(kw.value)[:120])
    if any(kw.arg is None for kw in calls[0].keywords):
        # setup(**options): a keyword not written out may still come through the mapping.
        for kw in KEYWORDS:
            if kw not in result and kw + "_error" not in result:
                result[kw + "_error"] = "computed: setup(**...) may pass %s" % kw
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
