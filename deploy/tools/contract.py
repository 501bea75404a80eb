"""The metrics contract (docs/metrics.md) as data: which metric names exist and which labels and values they carry.

The contract is a Markdown table; this module reads it so that the dashboard and the alert rules are checked
against the same text the server is built from, instead of a second hand-kept list.
"""
import re
from dataclasses import dataclass, field

# Labels the scrape attaches to every series that our dashboard and rules may use. Kubernetes service discovery
# adds more (namespace, pod, service, ...), but the artefacts here stay portable by using job and instance only,
# and keeping "service" out catches a likely typo for the NCIP service, whose label is "command".
TARGET_LABELS = {"job", "instance"}


@dataclass
class MetricFamily:
    """One row of the contract table: a set of names sharing labels."""
    names: list                     # exact names
    prefixes: list                  # names ending in * in the contract (any suffix allowed)
    labels: dict = field(default_factory=dict)   # label -> set of allowed values, or None for any value
    any_labels: bool = False        # "standard" binders: labels not spelled out

    def matches(self, name):
        return name in self.names or any(name.startswith(p) for p in self.prefixes)

    def allowed_labels(self, name):
        extra = {"le"} if name.endswith("_bucket") else set()
        return set(self.labels) | TARGET_LABELS | extra


def _expand(token):
    """`a_{x,y}` -> [a_x, a_y]; `a_*` stays a prefix pattern."""
    m = re.match(r"^(.*)\{([^}]*)\}(.*)$", token)
    if not m:
        return [token]
    return [m.group(1) + alt.strip() + m.group(3) for alt in m.group(2).split(",")]


def _label_values(text):
    """Label definitions written as `label` (`v1`,`v2`) or `label` (free text), in any cell."""
    found = {}
    for m in re.finditer(r"`(\w+)`(?:\s*\(([^)]*)\))?", text):
        name, inner = m.group(1), m.group(2)
        if inner is None:
            found.setdefault(name, set())
            continue
        values = re.findall(r"`([^`]+)`", inner)
        found[name] = set(values) if values else None
    return found


def _sentence_values(meaning, label):
    """Values listed in prose: "`command` is the SIP2 message name (`login`, ...) or ... (`LookupUser`, ...)."""
    m = re.search(r"`%s` is (.*?)(?:\.\s+`|\.\s*\|?\s*$)" % re.escape(label), meaning)
    if not m:
        return None
    values = set()
    for inner in re.findall(r"\(([^)]*)\)", m.group(1)):
        values.update(re.findall(r"`([^`]+)`", inner))
    return values or None


def load(path):
    families = []
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if line.startswith("| `")]
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 4:
            continue
        name_cell, _type, label_cell, meaning = cells[0], cells[1], cells[2], "|".join(cells[3:])
        names, prefixes = [], []
        for token in re.findall(r"`([^`]+)`", name_cell):
            for name in _expand(token):
                (prefixes if name.endswith("*") else names).append(name.rstrip("*"))
        fam = MetricFamily(names=names, prefixes=prefixes)
        if label_cell in ("standard",):
            fam.any_labels = True
        elif label_cell not in ("—", "-", ""):
            fam.labels = _label_values(label_cell)
            for label in list(fam.labels):
                prose = _sentence_values(meaning, label)
                if prose and fam.labels[label] is not None:
                    fam.labels[label] = fam.labels[label] | prose
        families.append(fam)
    # A label named without values in one row (e.g. lockouts' `kind`) takes the values given for it elsewhere.
    known = {}
    for fam in families:
        for label, values in fam.labels.items():
            if values:
                known.setdefault(label, set()).update(values)
    for fam in families:
        for label, values in fam.labels.items():
            if values == set():
                fam.labels[label] = known.get(label)
    return families


def family_of(families, name):
    for fam in families:
        if fam.matches(name):
            return fam
    return None
