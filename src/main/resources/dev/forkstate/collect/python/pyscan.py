"""forkstate's Python scanner: reads git blobs and reports, per blob, what the fork's happy-path rules look at.

Usage: python3 pyscan.py BLOB_LIST_FILE OUT_FILE [SECRET_PARTS]  (run from the repository; standard library only)
SECRET_PARTS (comma-separated, such as KEY,TOKEN) picks the parameters and options whose uses are traced: those
whose underscore-separated name parts include one (tracing every parameter would double the scan's time).

For each blob id in BLOB_LIST_FILE (one per line) it writes one JSON object per line to OUT_FILE:
  {"blob": id, "env": [names read], "functions": {qualname: [[param, kind, default-source-or-null], ...]},
   "cli": [option strings], "symbols": [every qualname defined], "top_imports": [modules], "guarded_imports": [modules],
   "import_paths": [dotted names],
   "env_use": {name: [uses]}, "param_use": {qualname: {param: [uses]}}, "cli_use": {option: [uses]}}
or {"blob": id, "error": "..."} when the blob does not parse; either may have "shebang" (the first line, when it
starts with #!). Module names are top-level packages; import_paths are the dotted names the unguarded module-level
imports spell ("google.genai" for "from google import genai"), which tell a namespace package's distribution
(google-genai) from its neighbours'. A use says what the code does with a value: "compared" (compared
with a value or parsed into a number: a switch), "presence" (only tested for being set), "passed" (handed on as a
value: an argument, a header, a returned value); no use listed means none was traced. Parameter and option uses are
listed for the secret-like names only (see SECRET_PARTS); an option's use is that of its parsed value (args.dest).
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


def functions(body, prefix, out, nodes):
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(node.name):
            out[prefix + node.name] = params(node)
            nodes[prefix + node.name] = node
        elif isinstance(node, ast.ClassDef) and public(node.name):
            functions(node.body, prefix + node.name + ".", out, nodes)
        elif isinstance(node, (ast.If, ast.Try)):
            # Definitions under "if sys.version_info ..." or "try:" are still module-level API.
            functions(node.body, prefix, out, nodes)
            for handler in getattr(node, "handlers", []):
                functions(handler.body, prefix, out, nodes)
            functions(getattr(node, "orelse", []), prefix, out, nodes)


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


# What a value's use says about it. One compared or parsed into a number selects behaviour (a flag, whatever its
# name); one only tested for being set is a switch or a required value; one handed on (an api_key=..., a header) is a
# value such as a credential. forkstate decides which from these and the name. Methods and calls that only reshape
# the text are looked through.
RESHAPE_METHODS = {"lower", "upper", "strip", "lstrip", "rstrip", "casefold", "title", "split", "rsplit",
                   "splitlines", "removeprefix", "removesuffix"}
TEST_METHODS = {"startswith", "endswith", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
                "islower", "isupper"}
RESHAPE_CALLS = {"str", "loads", "literal_eval", "expanduser", "expandvars"}
PARSE_CALLS = {"int", "float", "strtobool", "Decimal", "complex"}
VALUE_PARENTS = (ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.Dict, ast.List, ast.Tuple, ast.Set, ast.Return,
                 ast.Yield, ast.YieldFrom, ast.Starred, ast.Subscript, ast.Await)
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module)
TRACE_DEPTH = 3


def empty_const(node):
    return isinstance(node, ast.Constant) and node.value in (None, "", False)


class Uses:
    """How values flow in one module. Parents, name loads and attribute loads are indexed per function when only a
    parameter is traced, and for the whole module when a trace needs it (an env read, an attribute)."""

    def __init__(self, tree):
        self.tree = tree
        self.parent, self.names, self.attrs = {}, {}, {}
        self.indexed = set()
        self.whole = False

    def index(self, root):
        if self.whole or root in self.indexed or root in self.parent:
            return
        if root is self.tree:
            self.parent, self.names, self.attrs = {}, {}, {}
            self.whole = True
        self.indexed.add(root)
        for node in ast.walk(root):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self.names.setdefault(node.id, []).append(node)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                self.attrs.setdefault(node.attr, []).append(node)

    def scope(self, node):
        while node is not None and not isinstance(node, SCOPES):
            node = self.parent.get(node)
        return node

    def of_name(self, name, scope, depth):
        """The uses of a local name's loads within a scope (a function, or the whole module)."""
        if depth > TRACE_DEPTH:
            return set()
        self.index(scope)
        lo = getattr(scope, "lineno", 0)
        hi = getattr(scope, "end_lineno", None) or float("inf")
        out = set()
        for load in self.names.get(name, ()):
            if lo <= load.lineno <= hi:
                out |= self.of(load, depth + 1)
        return out

    def of_attr(self, attr, depth):
        """The uses of self.attr or args.attr anywhere in the module."""
        if depth > TRACE_DEPTH:
            return set()
        self.index(self.tree)
        out = set()
        for load in self.attrs.get(attr, ()):
            out |= self.of(load, depth + 1)
        return out

    def of(self, node, depth=0):
        cur = node
        while True:
            p = self.parent.get(cur)
            if p is None:
                return set()
            if isinstance(p, ast.Attribute) and p.value is cur:
                call = self.parent.get(p)
                if isinstance(call, ast.Call) and call.func is p and p.attr in RESHAPE_METHODS:
                    cur = call
                    continue
                if isinstance(call, ast.Call) and call.func is p and p.attr in TEST_METHODS:
                    return {"compared"}
                return {"passed"}
            if isinstance(p, ast.Call):
                if p.func is cur:
                    return set()
                last = dotted(p.func).split(".")[-1]
                if last in PARSE_CALLS:
                    return {"compared"}
                if last == "bool":
                    return {"presence"}
                if last in RESHAPE_CALLS:
                    cur = p
                    continue
                return {"passed"}
            if isinstance(p, ast.keyword):
                return {"passed"}
            if isinstance(p, ast.Compare):
                others = [x for x in [p.left] + p.comparators if x is not cur]
                return {"presence"} if all(empty_const(x) for x in others) else {"compared"}
            if isinstance(p, ast.UnaryOp) and isinstance(p.op, ast.Not):
                return {"presence"}
            if isinstance(p, (ast.If, ast.While, ast.Assert)) and p.test is cur:
                return {"presence"}
            if isinstance(p, ast.comprehension) and cur in p.ifs:
                return {"presence"}
            if isinstance(p, ast.IfExp) and p.test is cur:
                return {"presence"}
            if isinstance(p, (ast.BoolOp, ast.IfExp)):
                cur = p  # `x or "default"` hands the value on; `if a and x:` tests it: the parent says which
                continue
            if isinstance(p, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and p.value is cur:
                targets = p.targets if isinstance(p, ast.Assign) else [p.target]
                out = set()
                for t in targets:
                    if isinstance(t, ast.Name):
                        out |= self.of_name(t.id, self.scope(p), depth)
                    elif isinstance(t, ast.Attribute):
                        out |= self.of_attr(t.attr, depth)
                    else:
                        out.add("passed")
                if isinstance(p, ast.NamedExpr):
                    out |= self.of(p, depth)
                return out
            if isinstance(p, VALUE_PARENTS):
                return {"passed"}
            return set()


SECRET_PARTS = set()


def secret_like(name):
    return name is not None and any(part in SECRET_PARTS for part in name.upper().split("_"))


def option_dest(call):
    """The attribute an argparse option's value lands in (args.dest), or the click parameter's name."""
    for kw in call.keywords:
        if kw.arg == "dest" and const_str(kw.value) is not None:
            return const_str(kw.value)
    names = [const_str(a) for a in call.args if const_str(a) is not None]
    bare = [n for n in names if not n.startswith("-")]
    if bare:
        return bare[0]  # click.option("--api-key", "api_key") names its parameter
    longs = [n for n in names if n.startswith("--")]
    shorts = [n for n in names if n.startswith("-") and not n.startswith("--")]
    chosen = longs[0] if longs else shorts[0] if shorts else None
    return chosen.split("/")[0].lstrip("-").replace("-", "_") if chosen else None


def scan(data):
    tree = ast.parse(data)
    env, cli, env_reads, options = set(), set(), [], []
    lines = candidate_lines(data)
    constants = string_constants(tree) if lines else {}
    for node in walk_near(tree, lines) if lines else ():
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            if name in ENV_CALLS and node.args and env_name(node.args[0], constants) is not None:
                env_reads.append((env_name(node.args[0], constants), node))
            elif name.endswith("add_argument") or name in ("click.option", "option", "typer.Option"):
                declared = [const_str(a) for a in node.args if (const_str(a) or "").startswith("-")]
                cli.update(declared)
                if declared:
                    options.append((declared, node))
        elif isinstance(node, ast.Subscript) and dotted(node.value) in ENV_MAPPINGS:
            # os.environ["X"] = "1" sets a variable (for a child process, say): not a read
            if isinstance(node.ctx, ast.Load):
                key = node.slice.value if isinstance(node.slice, ast.Index) else node.slice  # ast.Index: Python < 3.9
                if env_name(key, constants) is not None:
                    env_reads.append((env_name(key, constants), node))
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            if dotted(node.comparators[0]) in ENV_MAPPINGS and env_name(node.left, constants) is not None:
                env_reads.append((env_name(node.left, constants), None))
    fns, fn_nodes = {}, {}
    functions(tree.body, "", fns, fn_nodes)
    top, guarded, paths = imports(tree)
    names = set()
    symbols(tree.body, "", names)
    traced = {qual: [p for p, _, _ in fns[qual] if secret_like(p)] for qual in fn_nodes}
    traced = {qual: ps for qual, ps in traced.items() if ps}
    options = [(declared, node) for declared, node in options if secret_like(option_dest(node))]
    uses = Uses(tree)
    if env_reads or options:
        uses.index(tree)
    env_use = {}
    for name, node in env_reads:
        env.add(name)
        env_use.setdefault(name, set()).update({"presence"} if node is None else uses.of(node))
    param_use = {}
    for qual, ps in traced.items():
        fn = fn_nodes[qual]
        for param in ps:
            found = uses.of_name(param, fn, 0)
            if found:
                param_use.setdefault(qual, {})[param] = sorted(found)
    cli_use = {}
    for declared, node in options:
        dest = option_dest(node)
        owner = uses.parent.get(node)
        found = uses.of_name(dest, owner, 0) if isinstance(owner, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            else uses.of_attr(dest, 0)
        for option in declared:
            cli_use.setdefault(option, set()).update(found)
    return {"env": sorted(env), "functions": fns, "cli": sorted(cli), "symbols": sorted(names),
            "top_imports": sorted(top), "guarded_imports": sorted(guarded), "import_paths": sorted(paths),
            "env_use": {k: sorted(v) for k, v in sorted(env_use.items()) if v},
            "param_use": param_use,
            "cli_use": {k: sorted(v) for k, v in sorted(cli_use.items()) if v}}


def shebang(data):
    """The first line when it is a #! line: says which interpreter runs a script that has no .py extension."""
    if data is None or not data.startswith(b"#!"):
        return None
    return data.split(b"\n", 1)[0][:200].decode("utf-8", "replace").strip()


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
    if shebang(data):
        result["shebang"] = shebang(data)
    result["blob"] = blob
    return json.dumps(result, sort_keys=True)


def main():
    SECRET_PARTS.update(p for p in (sys.argv[3] if len(sys.argv) > 3 else "").upper().split(",") if p)
    with open(sys.argv[1]) as f:
        ids = [line.strip() for line in f if line.strip()]
    items = list(blobs(ids))
    workers = os.cpu_count() or 1
    with open(sys.argv[2], "w") as out:
        if len(items) > 200 and workers > 1:
            # Parsing is CPU-bound and the GIL serialises it: one process per core for a big fork.
            import multiprocessing
            with multiprocessing.Pool(workers, SECRET_PARTS.update, (set(SECRET_PARTS),)) as pool:
                for line in pool.imap(scan_one, items, chunksize=64):
                    out.write(line + "\n")
        else:
            for item in items:
                out.write(scan_one(item) + "\n")
    print("scanned %d blobs" % len(ids))


if __name__ == "__main__":
    main()
