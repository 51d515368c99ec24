"""Every sentence an editor reads is worded in rules.yml (``aturan`` -> rule -> ``teks``): each call of
``message()`` in the package names a rule and a text that rules.yml has and fills exactly that text's
``{slots}`` (read from the code's syntax tree, so a text no test happens to trigger is checked too); every
rule has its texts; and a text starts or ends with white space only when it is a fragment composed into
another, said so in a comment above it in rules.yml.

The rule and the text name of a call are read from string literals, module-level constants (also another
module's: ``links.RULE``), a name assigned once in the function (``rule = "KODE"``), ``a if c else b``, a loop over a module-level table (``for english, nama in
TABLE.items()``) and a helper's parameters, followed to every call of the helper in its module
(``problem(line, "nama", **isian)``). Any other call fails the test with its line: write it in one of
these forms, or teach this test the new form."""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

from masterplan.model import rule_texts

pytestmark = pytest.mark.unit

PACKAGE = ROOT / "masterplan"
# Where message() can be imported from (rules.py re-exports it for the checks).
MESSAGE_MODULES = ("masterplan.model.rules", "masterplan.model.rule_texts")
TEXTS = {rule: rule_texts.texts_of(spec) for rule, spec in rule_texts.registry()["aturan"].items()}
# The word in the comment above a text that starts or ends with white space (a fragment of a sentence).
FRAGMENT = "potongan"

# Rules reported with sentences of another rule: the shared file reader (masterplan/model/sources.py) words
# a YAML syntax error in programme data with YAML-SALAH's texts, under the caller's own rule; a quick win
# too long for its horizon is said as any programme too long for its horizon.
WORDED_BY = {"PROGRAM-YAML": "YAML-SALAH", "PROGRAM-QUICK-WIN": "PROGRAM-HORIZON"}


class Unresolved(Exception):
    """A call of message() whose rule, text name or slots this test cannot tell from the code."""


def _slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


_PATHS = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


class Module:
    """One module of the package: its syntax tree, imported names and module-level string constants."""

    _loaded: dict[str, Module] = {}

    def __init__(self, name: str) -> None:
        self.name, self.path = name, _PATHS[name]
        self.tree = ast.parse(self.path.read_text(encoding="utf-8"))
        self.parent = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}
        self.imports: dict[str, tuple[str, str | None]] = {}  # local name -> (module, name in it or None)
        package = name if self.path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.imports[alias.asname] = (alias.name, None)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                for alias in node.names:
                    whole = f"{base}.{alias.name}"
                    self.imports[alias.asname or alias.name] = (whole, None) if whole in _PATHS else (base, alias.name)
        self.constants: dict[str, ast.expr] = {}  # NAME = value, and A, B = value_a, value_b
        for node in self.tree.body:
            for target in node.targets if isinstance(node, ast.Assign) else ():
                if isinstance(target, ast.Name):
                    self.constants[target.id] = node.value
                elif (isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                      and len(target.elts) == len(node.value.elts)):
                    self.constants.update((t.id, v) for t, v in zip(target.elts, node.value.elts)
                                          if isinstance(t, ast.Name))

    @classmethod
    def get(cls, name: str) -> Module:
        if name not in cls._loaded:
            cls._loaded[name] = Module(name)
        return cls._loaded[name]

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"

    # --- what calls message() ---------------------------------------------------------------------------

    def message_calls(self) -> tuple[list[ast.Call], list[str]]:
        """Every call of message(), and a failure for each use of it that is not a call (a reference passed
        on, which this test could not follow)."""
        names = {local for local, (module, attr) in self.imports.items()
                 if module in MESSAGE_MODULES and attr == "message"}
        if self.name == "masterplan.model.rule_texts":
            names.add("message")
        modules = {local for local, (module, attr) in self.imports.items() if module in MESSAGE_MODULES and not attr}
        calls, failures = [], []
        for node in ast.walk(self.tree):
            named = isinstance(node, ast.Name) and node.id in names
            attribute = isinstance(node, ast.Attribute) and node.attr == "message" and (
                getattr(node.value, "id", None) in modules or ast.unparse(node.value) in MESSAGE_MODULES)
            if not (named or attribute) or isinstance(node.ctx, ast.Store) or (named and self.local(node)):
                continue
            call = self.parent.get(node)
            if isinstance(call, ast.Call) and call.func is node:
                calls.append(call)
            else:
                failures.append(f"{self.where(node)}: message is used without being called")
        return calls, failures

    def local(self, name: ast.Name) -> bool:
        """Whether ``name`` is bound in a function around it (a parameter or an assignment), not at module level."""
        function = self.function_of(name)
        while function is not None:
            if name.id in self.parameters(function) or name.id in {
                    getattr(function.args, kind).arg for kind in ("vararg", "kwarg") if getattr(function.args, kind)}:
                return True
            if any(isinstance(node, ast.Name) and node.id == name.id and isinstance(node.ctx, ast.Store)
                   for node in ast.walk(function)):
                return True
            function = self.function_of(function)
        return False

    # --- values of expressions --------------------------------------------------------------------------

    def function_of(self, node: ast.AST) -> ast.AST | None:
        node = self.parent.get(node)
        while node is not None and not isinstance(node, _FUNCTIONS):
            node = self.parent.get(node)
        return node

    @staticmethod
    def parameters(function: ast.AST | None) -> list[str]:
        if function is None:
            return []
        args = function.args
        return [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]

    def call_sites(self, function: ast.AST) -> list[ast.Call]:
        """The calls of the (nested) function ``function`` by its name, within the body that defines it."""
        if isinstance(function, ast.Lambda):
            raise Unresolved(f"{self.where(function)}: a lambda passes its parameter to message()")
        scope = self.parent[function]
        sites = [node for node in ast.walk(scope) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id == function.name]
        if not sites:
            raise Unresolved(f"{self.where(function)}: {function.name}() passes its parameters to message() but "
                             "is not called by name in its module")
        return sites

    def argument(self, site: ast.Call, function: ast.AST, parameter: str) -> ast.expr:
        """The expression that the call ``site`` of ``function`` passes as ``parameter``."""
        args = function.args
        positional = [a.arg for a in (*args.posonlyargs, *args.args)]
        for keyword in site.keywords:
            if keyword.arg == parameter:
                return keyword.value
        if parameter in positional and positional.index(parameter) < len(site.args):
            found = site.args[positional.index(parameter)]
            if not isinstance(found, ast.Starred):
                return found
        raise Unresolved(f"{self.where(site)}: no value for {parameter!r} of {function.name}()")

    def strings(self, expr: ast.expr, site: ast.Call | None = None) -> list[str]:
        """The string values ``expr`` can have; a parameter of the enclosing function is read at the call
        ``site`` when given, else at every call of that function."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return [expr.value]
        if isinstance(expr, ast.IfExp):
            return self.strings(expr.body, site) + self.strings(expr.orelse, site)
        if isinstance(expr, ast.Name):
            function = self.function_of(expr)
            if expr.id in self.parameters(function):
                sites = [site] if site is not None else self.call_sites(function)
                return [value for call in sites for value in self.strings(self.argument(call, function, expr.id))]
            stores = [node for node in ast.walk(function) if isinstance(node, ast.Name) and node.id == expr.id
                      and isinstance(node.ctx, ast.Store)] if function is not None else []
            if len(stores) == 1 and isinstance(self.parent[stores[0]], ast.Assign) \
                    and self.parent[stores[0]].targets == [stores[0]]:
                return self.strings(self.parent[stores[0]].value, site)  # rule = "KODE", once in the function
            if stores:
                return self.loop_values(function, expr)
            if expr.id in self.constants:
                return self.strings(self.constants[expr.id])
            if expr.id in self.imports and self.imports[expr.id][1] and self.imports[expr.id][0] in _PATHS:
                module, attr = self.imports[expr.id]
                return Module.get(module).constant(attr)
        if (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name)
                and self.imports.get(expr.value.id, ("", ""))[1] is None
                and self.imports[expr.value.id][0] in _PATHS):
            return Module.get(self.imports[expr.value.id][0]).constant(expr.attr)
        raise Unresolved(f"{self.where(expr)}: cannot tell the value of {ast.unparse(expr)}")

    def loop_values(self, function: ast.AST, name: ast.Name) -> list[str]:
        """The values of ``name`` when its one binding in ``function`` is a loop over a module-level table:
        ``for english, nama in TABLE.items()`` (or ``.keys()``, ``.values()``, a tuple of tuples)."""
        stores = [node for node in ast.walk(function)
                  if isinstance(node, ast.Name) and node.id == name.id and isinstance(node.ctx, ast.Store)]
        loops = [node for node in ast.walk(function) if isinstance(node, ast.For) and any(
            store in stores for store in ast.walk(node.target))]
        table, view = loops[0].iter if len(loops) == 1 and len(stores) == 1 else None, None
        if isinstance(table, ast.Call) and isinstance(table.func, ast.Attribute) and not table.args:
            table, view = table.func.value, table.func.attr
        value = self.constants.get(table.id) if isinstance(table, ast.Name) else None
        if isinstance(value, ast.Dict) and view in ("items", "keys", "values"):
            rows = {"items": [ast.Tuple([k, v]) for k, v in zip(value.keys, value.values)], "keys": value.keys,
                    "values": value.values}[view]
        elif isinstance(value, (ast.Tuple, ast.List)) and view is None:
            rows = value.elts
        else:
            raise Unresolved(f"{self.where(name)}: {name.id} is a local variable, not a loop over a table")
        target = loops[0].target
        if isinstance(target, ast.Name):
            return [text for row in rows for text in self.strings(row)]
        position = [getattr(element, "id", None) for element in target.elts].index(name.id)
        return [text for row in rows for text in self.strings(row.elts[position])]

    def constant(self, name: str) -> list[str]:
        if name not in self.constants:
            raise Unresolved(f"{self.path.relative_to(ROOT)}: no module-level constant {name}")
        return self.strings(self.constants[name])

    def local_dict(self, function: ast.AST | None, expr: ast.expr) -> set[str] | None:
        """The keys of ``expr`` when it names a dict literal with string keys assigned once in ``function``
        (``named = {"tanda": ..., "bagian": ...}`` passed as ``**named``), else None."""
        if function is None or not isinstance(expr, ast.Name):
            return None
        stores = [node for node in ast.walk(function) if isinstance(node, ast.Name) and node.id == expr.id
                  and isinstance(node.ctx, ast.Store)]
        assign = self.parent[stores[0]] if len(stores) == 1 else None
        if not (isinstance(assign, ast.Assign) and isinstance(assign.value, ast.Dict)):
            return None
        keys = assign.value.keys
        if not all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in keys):
            return None
        return {key.value for key in keys}

    def keywords(self, call: ast.Call, site: ast.Call | None) -> set[str]:
        """The slot names ``call`` fills: its keywords, and for ``**values`` (the enclosing function's own
        ``**`` parameter) the keywords of the call ``site`` that the function's named parameters do not take."""
        found = set()
        for keyword in call.keywords:
            if keyword.arg is not None:
                found.add(keyword.arg)
                continue
            function = self.function_of(call)
            local = self.local_dict(function, keyword.value)
            if local is not None:
                found |= local
                continue
            rest = function.args.kwarg.arg if function is not None and function.args.kwarg else None
            if not (isinstance(keyword.value, ast.Name) and keyword.value.id == rest and site is not None):
                raise Unresolved(f"{self.where(call)}: cannot tell the slots of **{ast.unparse(keyword.value)}")
            named = set(self.parameters(function))
            if any(k.arg is None for k in site.keywords):
                raise Unresolved(f"{self.where(site)}: cannot tell the slots of a ** argument")
            found |= {k.arg for k in site.keywords if k.arg not in named}
        return found

    def instances(self, call: ast.Call) -> list[tuple[str, str, set[str]]]:
        """Every ``(rule, text name, slots filled)`` that ``call`` can ask for: one per call of its
        enclosing function when it passes on that function's parameters (a helper such as
        ``problem(line, "nama", **isian)``)."""
        if len(call.args) != 2 or any(isinstance(a, ast.Starred) for a in call.args):
            raise Unresolved(f"{self.where(call)}: message() takes the rule and the text name, then slots by name")
        function = self.function_of(call)
        used = {node.id for arg in call.args for node in ast.walk(arg)
                if isinstance(node, ast.Name)} & set(self.parameters(function))
        rest = function.args.kwarg.arg if function is not None and function.args.kwarg else None
        if rest and any(k.arg is None and getattr(k.value, "id", None) == rest for k in call.keywords):
            used.add(rest)
        sites = self.call_sites(function) if used else [None]
        return [(rule, name, self.keywords(call, site)) for site in sites
                for rule in self.strings(call.args[0], site) for name in self.strings(call.args[1], site)]


@cache
def _calls() -> tuple[list[tuple[str, str, str, frozenset[str]]], list[str]]:
    """Every ``(where, rule, text name, slots filled)`` that a call of message() in the package can ask
    for, and a failure for each call this test cannot read."""
    asked, failures = [], []
    for name in _PATHS:
        module = Module.get(name)
        found, unfollowed = module.message_calls()
        failures += unfollowed
        for call in found:
            try:
                asked += [(module.where(call), rule, text, frozenset(filled))
                          for rule, text, filled in module.instances(call)]
            except Unresolved as error:
                failures.append(str(error))
    return asked, failures


def test_every_message_call_names_a_text_of_rules_yml_with_its_slots():
    asked, failures = _calls()
    for where, rule, text, filled in asked:
        if text not in TEXTS.get(rule, {}):
            failures.append(f"{where}: rules.yml has no text aturan.{rule}.teks.{text}")
        elif filled != _slots(TEXTS[rule][text]):
            failures.append(f"{where}: {rule} {text} has slots {sorted(_slots(TEXTS[rule][text]))}, "
                            f"the code fills {sorted(filled)}")
    assert not failures, "\n".join(failures)
    assert len({where for where, *_ in asked}) >= 40  # the calls were found (an unfollowed import hides them)


def test_every_text_is_asked_for_by_the_code():
    asked = {(rule, text) for _, rule, text, _ in _calls()[0]}
    unused = [f"aturan.{rule}.teks.{text}" for rule, texts in TEXTS.items() for text in texts
              if (rule, text) not in asked]
    assert not unused, f"texts in rules.yml that no message() call asks for (remove them or use them): {unused}"


def test_every_rule_has_its_texts_in_rules_yml():
    assert all(TEXTS[rule] == {} and TEXTS[other] for rule, other in WORDED_BY.items())
    assert [rule for rule, texts in TEXTS.items() if not texts and rule not in WORDED_BY] == []


def test_texts_have_no_white_space_at_their_ends_unless_they_are_fragments():
    lines = rule_texts.RULES_FILE.read_text(encoding="utf-8").splitlines()
    unmarked = []
    for rule, texts in TEXTS.items():
        start = lines.index(f"  {rule}:")
        for name, text in texts.items():
            if text == text.strip():
                continue
            index = next(i for i in range(start, len(lines)) if lines[i].startswith(f"      {name}:"))
            comments = []
            while lines[index - 1].lstrip().startswith("#"):
                index -= 1
                comments.append(lines[index])
            if not any(FRAGMENT in comment.casefold() for comment in comments):
                unmarked.append(f"{rule} {name}: {text!r}")
    assert not unmarked, f"white space at the ends of a text not marked as a fragment ({FRAGMENT}): {unmarked}"
