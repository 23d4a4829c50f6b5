#!/usr/bin/env python3
"""Summarises a JFR recording of the app for docs/benchmarks.md.

CPU (jdk.ExecutionSample): share of samples by layer (the leaf-most recognised frame), the top leaf frames,
and the outermost Alertwire frame of each sample (which request or task the CPU went to).
Waiting (jdk.JavaMonitorEnter, jdk.ThreadPark): total blocked time by the frame that waited, so a lock
that serialises the work shows up even when the CPU is idle. Idle pool threads (parked in their queue)
are left out.

Usage: scripts/bench/jfr-top.py recording.jfr [how many lines per table]
The app must be started with -XX:FlightRecorderOptions:stackdepth=256 (scripts/bench/delivery.sh does),
or Payara's deep stacks are cut before the Alertwire frames."""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15


def events(kind):
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", kind, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(raw)["recording"]["events"]


def frames(event):
    st = event["values"].get("stackTrace")
    if not st:
        return []
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in st["frames"]]


def millis(duration):
    # JFR JSON durations look like "PT0.012345S".
    d = duration[2:-1] if duration.startswith("PT") else "0"
    total = 0.0
    for unit, factor in (("H", 3600e3), ("M", 60e3)):
        if unit in d:
            head, d = d.split(unit, 1)
            total += float(head) * factor
    return total + (float(d) * 1e3 if d else 0.0)


LAYERS = [
    ("H2 database", ("org.h2.",)),
    ("JPA (EclipseLink)", ("org.eclipse.persistence.",)),
    ("template rendering", ("dev.alertwire.domain.template.",)),
    ("JSON-P/JSON-B (parsson, yasson)", ("org.eclipse.parsson.", "org.eclipse.yasson.", "jakarta.json.")),
    ("service look-ups (ServiceLoader, class loading)", ("java.util.ServiceLoader", "java.util.zip.", "jdk.internal.loader.",
                                                         "org.glassfish.web.loader.", "java.lang.ClassLoader")),
    ("JDK HTTP client", ("jdk.internal.net.http.",)),
    ("Grizzly (HTTP server)", ("org.glassfish.grizzly.",)),
    ("Jersey (JAX-RS)", ("org.glassfish.jersey.",)),
    ("transactions, JDBC pool", ("com.sun.enterprise.transaction.", "com.sun.jts.", "com.sun.gjc.", "com.sun.enterprise.resource.",
                                 "com.sun.appserv.connectors.")),
    ("EJB, CDI, concurrency utilities", ("com.sun.ejb.", "org.glassfish.ejb.", "org.jboss.weld.", "org.glassfish.concurrent.",
                                         "org.glassfish.enterprise.concurrent.", "com.sun.enterprise.")),
    ("crypto, random", ("sun.security.", "com.sun.crypto.", "javax.crypto.")),
    ("Hazelcast (Payara clustering)", ("com.hazelcast.",)),
    ("Alertwire code", ("dev.alertwire.",)),
    ("GC, JIT, JFR", ("jdk.jfr.",)),
]


def layer(names):
    for n in names:
        for label, prefixes in LAYERS:
            if n.startswith(prefixes):
                return label
    return "other (JDK)"


def outer_app(names):
    app = [n for n in names if n.startswith("dev.alertwire.")]
    return app[-1] if app else "(no Alertwire frame)"


def table(title, counter, total, unit, fmt):
    print(title)
    for k, v in counter.most_common(top):
        print(f"  {fmt(v, total)}  {k}")


cpu = [frames(e) for e in events("jdk.ExecutionSample")]
cpu = [f for f in cpu if f]
n = len(cpu)
pct = lambda v, t: f"{100 * v / t:5.1f}%"
print(f"{path}: {n} CPU samples")
table("CPU by layer (leaf-most recognised frame):", collections.Counter(layer(f) for f in cpu), n, "%", pct)
table(f"CPU, top {top} leaf frames:", collections.Counter(f[0] for f in cpu), n, "%", pct)
table(f"CPU by outermost Alertwire frame (the request or task it served):", collections.Counter(outer_app(f) for f in cpu), n, "%", pct)

IDLE = ("java.util.concurrent.ThreadPoolExecutor.getTask", "java.util.concurrent.LinkedBlockingQueue.take",
        "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take", "com.hazelcast.",
        "org.glassfish.grizzly.threadpool.", "java.util.concurrent.SynchronousQueue", "java.util.concurrent.LinkedTransferQueue",
        "jdk.internal.net.http.HttpClientImpl$SelectorManager", "java.util.concurrent.ForkJoinPool.awaitWork",
        "java.util.TimerThread", "org.glassfish.enterprise.concurrent.internal.ManagedThreadPoolExecutor.getTask")
waits = collections.Counter()
counts = collections.Counter()
total_wait = 0.0
for kind in ("jdk.JavaMonitorEnter", "jdk.ThreadPark"):
    for e in events(kind):
        names = frames(e)
        if not names or any(n.startswith(IDLE) for n in names[:12]):
            continue
        ms = millis(e["values"]["duration"])
        site = next((n for n in names if not n.startswith(("java.", "jdk.", "sun."))), names[0])
        key = f"{site}  <- {outer_app(names)}"
        waits[key] += ms
        counts[key] += 1
        total_wait += ms
print(f"Waiting on locks (monitors and parks over the threshold, idle pool threads left out): {total_wait / 1000:.1f} s in all")
for k, v in waits.most_common(top):
    print(f"  {v / 1000:7.1f} s {counts[k]:6d}x  {k}")
