"""forkstate's Python scanner: reads git blobs and reports, per blob, what the fork's happy-path rules look at.

Usage: python3 pyscan.py BLOB_LIST_FILE OUT_FILE  (run from the repository; standard library only)

For each blob id in BLOB_LIST_FILE (one per line) it writes one JSON object per line to OUT_FILE:
  {"blob": id, "env": [names read], "functions": {qualname: [[param, kind, default-source-or-null], ...]},
   "cli": [option strings], "symbols": [every qualname defined], "top_imports": [modules], "guarded_imports": [modules],
   "import_paths": [dotted names]}
or {"blob": id, "error": "..."} when the blob does not parse. Module names are top-level packages; import_paths are
the dotted names the unguarded module-level imports spell ("google.genai" for "from google import genai"), which
tell a namespace package's distribution (google-genai) from its neighbours'.
Nothing is imported or executed from the scanned code: it is only parsed with the ast module.
"""
import ast
import bisect
import json
import os
import subprocess
import sys
import threading

ENV_CALLS = {"os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault",
             "environ.setdefault", "os.environ.pop", "environ.pop"}
ENV_MAPPINGS = {"os.environ", "environ"}
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def const_str(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def source(node):
    if node is None:
        return None
    try:
        return ast.unparse(node)
    except Exception:  # Python < 3.9 has no unparse; the dump still compares equal for equal defaults
        return ast.dump(node)


def public(name):
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def params(fn):
    a = fn.args
    positional = list(getattr(a, "posonlyargs", [])) + list(a.args)
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    out = []
    for i, arg in enumerate(positional):
        kind = "positional" if i < len(getattr(a, "posonlyargs", [])) else "param"
        out.append([arg.arg, kind, source(defaults[i])])
    if a.vararg:
        out.append([a.vararg.arg, "*args", None])
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append([arg.arg, "keyword", source(default)])
    if a.kwarg:
        out.append([a.kwarg.arg, "**kwargs", None])
    return out


def functions(body, prefix, out):
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(node.name):
            out[prefix + node.name] = params(node)
        elif isinstance(node, ast.ClassDef) and public(node.name):
            functions(node.body, prefix + node.name + ".", out)
        elif isinstance(node, (ast.If, ast.Try)):
            # Definitions under "if sys.version_info ..." or "try:" are still module-level API.
            functions(node.body, prefix, out)
            for handler in getattr(node, "handlers", []):
                functions(handler.body, prefix, out)
            functions(getattr(node, "orelse", []), prefix, out)


def symbols(body, prefix, out):
    """Every name a module defines: functions, classes and their members, module-level assignments."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(prefix + node.name)
            if isinstance(node, ast.ClassDef):
                symbols(node.body, prefix + node.name + ".", out)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    out.add(prefix + t.id)
        elif isinstance(node, (ast.If, ast.Try)):
            symbols(node.body, prefix, out)
            for handler in getattr(node, "handlers", []):
                symbols(handler.body, prefix, out)
            symbols(getattr(node, "orelse", []), prefix, out)


def imported(stmt):
    if isinstance(stmt, ast.Import):
        return [alias.name.split(".")[0] for alias in stmt.names]
    if isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module:
        return [stmt.module.split(".")[0]]
    return []


def import_paths(stmt):
    if isinstance(stmt, ast.Import):
        return [alias.name for alias in stmt.names]
    if isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module:
        return [stmt.module + "." + alias.name for alias in stmt.names if alias.name != "*"] or [stmt.module]
    return []


def catches_import_error(handler):
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(dotted(n).split(".")[-1] in IMPORT_ERRORS for n in names)


def imports(tree):
    top, guarded, paths = set(), set(), set()
    for stmt in tree.body:
        top.update(imported(stmt))
        paths.update(import_paths(stmt))
        if isinstance(stmt, ast.Try) and any(catches_import_error(h) for h in stmt.handlers):
            for inner in ast.walk(ast.Module(body=stmt.body, type_ignores=[])):
                guarded.update(imported(inner))
    return top, guarded, paths


MARKERS = (b"environ", b"getenv", b"add_argument", b"option", b"Option")


def candidate_lines(data):
    """Line numbers that mention an env read or a CLI option: only the code around them needs a walk."""
    lines = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if any(m in line for m in MARKERS):
            lines.append(number)
    return lines


def near(node, lines):
    lo = getattr(node, "lineno", None)
    if lo is None:
        return True
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        lo = min(lo, min(d.lineno for d in decorators))  # @click.option(...) sits above the def line
    hi = getattr(node, "end_lineno", None) or lo
    i = bisect.bisect_left(lines, lo)
    return i < len(lines) and lines[i] <= hi


def walk_near(tree, lines):
    """ast.walk, but only into subtrees that span a candidate line: most of a big module is never visited."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if near(child, lines):
                stack.append(child)


def string_constants(tree):
    """Module-level NAME = "text": env reads often go through such a constant (os.getenv(FLAG_NAME))."""
    out = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and const_str(stmt.value) is not None:
            for t in stmt.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = stmt.value.value
    return out


def env_name(node, constants):
    s = const_str(node)
    if s is None and isinstance(node, ast.Name):
        s = constants.get(node.id)
    return s


def scan(data):
    tree = ast.parse(data)
    env, cli = set(), set()
    lines = candidate_lines(data)
    constants = string_constants(tree) if lines else {}
    for node in walk_near(tree, lines) if lines else ():
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            if name in ENV_CALLS and node.args and env_name(node.args[0], constants) is not None:
                env.add(env_name(node.args[0], constants))
            elif name.endswith("add_argument") or name in ("click.option", "option", "typer.Option"):
                for arg in node.args:
                    s = const_str(arg)
                    if s is not None and s.startswith("-"):
                        cli.add(s)
        elif isinstance(node, ast.Subscript) and dotted(node.value) in ENV_MAPPINGS:
            key = node.slice.value if isinstance(node.slice, ast.Index) else node.slice  # ast.Index: Python < 3.9
            if env_name(key, constants) is not None:
                env.add(env_name(key, constants))
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            if dotted(node.comparators[0]) in ENV_MAPPINGS and env_name(node.left, constants) is not None:
                env.add(env_name(node.left, constants))
    fns = {}
    functions(tree.body, "", fns)
    top, guarded, paths = imports(tree)
    names = set()
    symbols(tree.body, "", names)
    return {"env": sorted(env), "functions": fns, "cli": sorted(cli), "symbols": sorted(names),
            "top_imports": sorted(top), "guarded_imports": sorted(guarded), "import_paths": sorted(paths)}


def blobs(ids):
    """Yields (id, bytes) for each blob, read through one `git cat-file --batch`."""
    proc = subprocess.Popen(["git", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        # From another thread: git answers while it reads, and a full pipe would otherwise block both sides.
        proc.stdin.write(("\n".join(ids) + "\n").encode())
        proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = proc.stdout
    for blob in ids:
        header = out.readline().decode().split()
        if len(header) < 3 or header[1] == "missing":
            yield blob, None
            continue
        data = out.read(int(header[2]))
        out.read(1)
        yield blob, data
    proc.wait()


def scan_one(item):
    blob, data = item
    if data is None:
        result = {"error": "blob not found"}
    else:
        try:
            result = scan(data)
        except SyntaxError as e:
            result = {"error": "SyntaxError: %s (line %s)" % (e.msg, e.lineno)}
        except (ValueError, RecursionError) as e:
            result = {"error": "%s: %s" % (type(e).__name__, e)}
    result["blob"] = blob
    return json.dumps(result, sort_keys=True)


def main():
    with open(sys.argv[1]) as f:
        ids = [line.strip() for line in f if line.strip()]
    items = list(blobs(ids))
    workers = os.cpu_count() or 1
    with open(sys.argv[2], "w") as out:
        if len(items) > 200 and workers > 1:
            # Parsing is CPU-bound and the GIL serialises it: one process per core for a big fork.
            import multiprocessing
            with multiprocessing.Pool(workers) as pool:
                for line in pool.imap(scan_one, items, chunksize=64):
                    out.write(line + "\n")
        else:
            for item in items:
                out.write(scan_one(item) + "\n")
    print("scanned %d blobs" % len(ids))


if __name__ == "__main__":
    main()
