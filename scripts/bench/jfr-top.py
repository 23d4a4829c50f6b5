#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (jdk.ExecutionSample): the top frames, the first Alertwire
frame of each sample, and a coarse split by what the thread was doing.
Usage: scripts/bench/jfr-top.py recording.jfr [how many]"""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]

def name(frame):
    m = frame["method"]
    return m["type"]["name"] + "." + m["name"]

BUCKETS = [
    ("H2 database", ("org.h2.",)),
    ("JPA/EclipseLink", ("org.eclipse.persistence.",)),
    ("template rendering", ("dev.alertwire.domain.template.",)),
    ("JSON (parsson/yasson)", ("org.eclipse.parsson.", "org.eclipse.yasson.")),
    ("HTTP client (java.net.http)", ("jdk.internal.net.http.",)),
    ("Grizzly/HTTP server", ("org.glassfish.grizzly.",)),
    ("JAX-RS (Jersey)", ("org.glassfish.jersey.",)),
    ("EJB/CDI container", ("com.sun.ejb.", "org.glassfish.ejb.", "org.jboss.weld.", "com.sun.enterprise.")),
    ("transactions/JTA/JDBC pool", ("com.sun.enterprise.transaction.", "com.sun.jts.", "com.sun.gjc.", "com.sun.enterprise.resource.")),
]

tops = collections.Counter()
app = collections.Counter()
buckets = collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    names = [name(f) for f in frames]
    tops[names[0]] += 1
    first_app = next((n for n in names if n.startswith("dev.alertwire.")), "(no Alertwire frame)")
    app[first_app] += 1
    # The deepest recognisable layer the sample is in (leaf first).
    label = "other"
    for n in names:
        hit = next((b for b, prefixes in BUCKETS if n.startswith(prefixes)), None)
        if hit:
            label = hit
            break
    buckets[label] += 1

total = sum(tops.values())
print(f"{path}: {total} CPU samples")
print("by layer (leaf-most recognised frame):")
for k, v in buckets.most_common():
    print(f"  {100 * v / total:5.1f}%  {k}")
print(f"top {top} leaf frames:")
for k, v in tops.most_common(top):
    print(f"  {100 * v / total:5.1f}%  {k}")
print(f"top {top} first Alertwire frames (what the app code was doing):")
for k, v in app.most_common(top):
    print(f"  {100 * v / total:5.1f}%  {k}")
