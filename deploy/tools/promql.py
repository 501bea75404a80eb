"""Just enough PromQL reading to check names and labels against the metrics contract.

promtool decides whether an expression is valid PromQL; this module only answers "which metrics, label matchers
and grouping labels does it use", so a typo such as outcome="erorr" or by (service) is caught even though it is
valid syntax that would silently return nothing.
"""
import re

KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "atan2", "inf", "nan", "Inf", "NaN", "start", "end"}
IDENT = r"[a-zA-Z_:][a-zA-Z0-9_:]*"

# Grafana's built-in and dashboard variables, replaced by values that make a valid, representative query.
GRAFANA_VARIABLES = {
    "__rate_interval": "5m",
    "__interval": "1m",
    "__range": "1h",
    "__range_s": "3600",
    "__range_ms": "3600000",
    "job": "circgate",
    "instance": ".*",
}


def substitute_grafana_variables(expr, values=GRAFANA_VARIABLES):
    """Replace $var, ${var} and ${var:format}; an unknown variable is an error (it would not render)."""
    def repl(m):
        name = m.group(1) or m.group(2)
        if name not in values:
            raise ValueError("unknown Grafana variable $%s" % name)
        return values[name]
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", repl, expr)


def _strip_comments_and_strings(expr):
    out, i, n = [], 0, len(expr)
    while i < n:
        c = expr[i]
        if c in "\"'`":
            j = i + 1
            while j < n and expr[j] != c:
                j += 2 if expr[j] == "\\" else 1
            out.append('""')
            i = j + 1
        elif c == "#":
            while i < n and expr[i] != "\n":
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def selectors(expr):
    """(metric name or None, [(label, op, value)]) for every vector selector with braces, and bare names."""
    found = []
    text = _remove_comments_keep_strings(expr)
    for m in re.finditer(r"(%s)?\s*\{((?:[^{}\"]|\"(?:[^\"\\]|\\.)*\")*)\}" % IDENT, text):
        name = m.group(1)
        if name in KEYWORDS:
            name = None
        matchers = re.findall(r"(\w+)\s*(=~|!~|!=|=)\s*\"((?:[^\"\\]|\\.)*)\"", m.group(2))
        found.append((name, matchers))
    return found


def _remove_comments_keep_strings(expr):
    out, i, n, in_str = [], 0, len(expr), None
    while i < n:
        c = expr[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(expr[i + 1])
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in "\"'`":
            in_str = c
            out.append(c)
        elif c == "#":
            while i < n and expr[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def grouping_labels(expr):
    text = _strip_comments_and_strings(expr)
    labels = set()
    for m in re.finditer(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)", text):
        labels.update(x.strip() for x in m.group(2).split(",") if x.strip())
    return labels


def metric_names(expr):
    text = _strip_comments_and_strings(expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for m in re.finditer(r"(?<![\w.])(%s)(\s*\()?" % IDENT, text):
        token, call = m.group(1), m.group(2)
        if call or token in KEYWORDS or re.match(r"^\d", token):
            continue
        names.add(token)
    return names


def regex_alternatives(value):
    """Literal alternatives of a simple regex like a|b|c; None when the regex is more than that."""
    if re.fullmatch(r"[\w-]+(\|[\w-]+)*", value):
        return value.split("|")
    return None
