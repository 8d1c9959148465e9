#!/usr/bin/env python3
"""Turns the native benchmark's JSON and JMH's JSON into docs/performance.md and its SVG plots.

Usage: report.py --native native.json --jmh jmh.json [more-jmh.json ...] --capture-java capture.txt
                 --docs DOCS_DIR [--seed-ratio seed-ratio.json] [--update-ratio update-ratio.json]
                 [--notes NOTES.md]
                 [--run-info TEXT]
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess

import svgplot


def elements_label(n):
    n = int(n)
    for unit, size in (("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return str(n)


def machine():
    model, cores = "unknown", os.cpu_count()
    flags = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"^model name\s*:\s*(.*)$", text, re.M)
        if m:
            model = m.group(1).strip()
        m = re.search(r"^flags\s*:\s*(.*)$", text, re.M)
        if m:
            fl = set(m.group(1).split())
            flags = ", ".join(x for x in ("avx2", "avx512f", "fma", "f16c", "avx512_bf16") if x in fl)
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
            mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    java = ""
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except (OSError, IndexError):
        pass
    gcc = ""
    try:
        gcc = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        pass
    return {"model": model, "cores": cores, "flags": flags, "memory": mem, "java": java, "gcc": gcc,
            "kernel": platform.release()}


def jmh_results(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    results = {}
    for r in data:
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        k = r.get("params", {}).get("k")
        sec = r.get("secondaryMetrics", {})
        alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
        results[(key, int(k) if k else None)] = {
            "score": r["primaryMetric"]["score"], "error": r["primaryMetric"].get("scoreError"),
            "unit": r["primaryMetric"]["scoreUnit"], "alloc": alloc}
    return results


def fmt(v, digits=3):
    if v is None:
        return "n/a"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--native", required=True)
    ap.add_argument("--jmh", required=True, nargs="+")
    ap.add_argument("--seed-ratio",
                    help="SeedRatio's rounds: Java's Model.execute, the C API loop and the handoff floor")
    ap.add_argument("--update-ratio",
                    help="UpdatePipelineRatio's rounds: pipelined task updates + replays against synchronise-update-replay")
    ap.add_argument("--capture-java")
    ap.add_argument("--docs", required=True)
    ap.add_argument("--notes")
    ap.add_argument("--run-info", default="")
    args = ap.parse_args()

    with open(args.native, encoding="utf-8") as f:
        native = json.load(f)
    m = {k: v["value"] for k, v in native["metrics"].items()}
    jmh = {}
    for path in args.jmh:
        jmh.update(jmh_results(path))
    rounds = []
    if args.seed_ratio and os.path.exists(args.seed_ratio):
        with open(args.seed_ratio, encoding="utf-8") as f:
            rounds = json.load(f)["rounds"]
    update_rounds = []
    if args.update_ratio and os.path.exists(args.update_ratio):
        with open(args.update_ratio, encoding="utf-8") as f:
            update_rounds = json.load(f)["rounds"]
    cap_java = {}
    if args.capture_java and os.path.exists(args.capture_java):
        with open(args.capture_java, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    try:
                        cap_java[parts[0]] = float(parts[1])
                    except ValueError:
                        pass

    def j(key, k=None):
        return jmh.get((key, k))

    to_ns = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}

    def jns(key, k=None):
        r = j(key, k)
        return None if r is None else r["score"] * to_ns[r["unit"]]

    mach = machine()
    kernel_threads = int(m.get("kernel_threads", 2))
    stream = {(r["threads"], r["elements"]): r for r in native.get("stream", [])}
    kernel = {(r["dtype"], r["elements"]): r for r in native.get("kernel", [])}
    replay = {r["k"]: r["ns"] for r in native.get("replay", [])}

    # ---- the ratios ----
    rows = []

    def row(name, measured_text, value, target_text, ok):
        rows.append((name, measured_text, value, target_text, ok))

    java_seed = jns("SeedModelBenchmark.replaySync")
    c_seed, handoff = m.get("seed_replay_sync_ns"), m.get("spin_handoff_ns")
    # The seed replay ratios come from SeedRatio's alternating rounds. The cost of crossing between
    # cores has (at least) two states on the VMs this runs on; rounds are grouped by their handoff
    # floor and a target counts as met only when it is met in every state the run saw.
    def median(values):
        values = sorted(values)
        return values[len(values) // 2] if values else None

    states = []
    # A round whose floor changed between its start and its end straddles a change of state.
    steady = [dict(r, floor=(r["floor_before"] + r["floor_after"]) / 2) for r in rounds
              if max(r["floor_before"], r["floor_after"]) < 1.3 * min(r["floor_before"], r["floor_after"])]
    straddling = len(rounds) - len(steady)
    rounds = steady
    if rounds:
        # Two states when the floors spread over more than 2x (10th to 90th percentile); split at
        # the geometric middle.
        floors = sorted(r["floor"] for r in rounds)
        p10, p90 = floors[len(floors) // 10], floors[(len(floors) * 9) // 10]
        split = (p10 * p90) ** 0.5 if p90 > 2 * p10 else float("inf")
        fast = [r for r in rounds if r["floor"] < split]
        slow = [r for r in rounds if r["floor"] >= split]
        for group in (fast, slow):
            if group:
                floor_median = median([r["floor"] for r in group])
                states.append({"name": f"floor ≈ {fmt(floor_median)} ns", "rounds": len(group), "floor": floor_median,
                               "c": median([r["c"] for r in group]), "java": median([r["java"] for r in group]),
                               "java_c": median([r["java"] / r["c"] for r in group]),
                               "c_floor": median([r["c"] / r["floor"] for r in group])})

    def state_text(key, unit_pairs):
        return "; ".join(f"{st['name']} ({st['rounds']} rounds): {fmt(st[unit_pairs[0]])} ÷ {fmt(st[unit_pairs[1]])} ns"
                         f" → {fmt(st[key])}" for st in states)

    if states:
        worst1 = max(st["java_c"] for st in states)
        row("Java replay+sync of the seed model ÷ the C++ loop of the same on the simulator",
            state_text("java_c", ("java", "c")), worst1, "≤ 1.10", worst1 <= 1.10)
        # The native benchmark alternates replay and floor too: its state counts as well.
        native_ratio = m.get("seed_replay_over_handoff")
        worst2 = max([st["c_floor"] for st in states] + ([native_ratio] if native_ratio else []))
        native_text = (f"; native benchmark: {fmt(c_seed)} ÷ {fmt(handoff)} ns → {fmt(native_ratio)}"
                       if native_ratio else "")
        row("C++ replay+sync of the seed model, back to back ÷ the spinning handoff floor",
            state_text("c_floor", ("c", "floor")) + native_text, worst2, "≤ 3.0", worst2 <= 3.0)
    else:
        r1 = java_seed / c_seed if java_seed and c_seed else None
        row("Java replay+sync of the seed model ÷ the C++ loop of the same on the simulator",
            f"{fmt(java_seed)} ns ÷ {fmt(c_seed)} ns", r1, "≤ 1.10", r1 is not None and r1 <= 1.10)
        r2 = c_seed / handoff if c_seed and handoff else None
        row("C++ replay+sync of the seed model, back to back ÷ the spinning handoff floor",
            f"{fmt(c_seed)} ns ÷ {fmt(handoff)} ns", r2, "≤ 3.0", r2 is not None and r2 <= 3.0)
    n16 = 1 << 24
    kb, sb = kernel.get(("float32", n16)), stream.get((kernel_threads, n16))
    r3 = kb["gbps"] / sb["gbps"] if kb and sb else None
    row("aclnnAdd float32 at 16M elements, bandwidth ÷ STREAM add",
        f"{fmt(kb['gbps'] if kb else None)} GB/s ÷ {fmt(sb['gbps'] if sb else None)} GB/s "
        f"({kernel_threads} thread{'s' if kernel_threads > 1 else ''})", r3, "≥ 0.85", r3 is not None and r3 >= 0.85)
    tiny = m.get("tiny_add_8_floats_ns", 0.0)
    per_task = (replay[64] - replay[1]) / 63 if 64 in replay and 1 in replay else None
    over = per_task - tiny if per_task is not None else None
    row("replay overhead per captured task beyond the kernel time (K = 64, tiny tensors)",
        f"({fmt(replay.get(64))} − {fmt(replay.get(1))}) ns ÷ 63 − {fmt(tiny)} ns of arithmetic", over, "≤ 100 ns",
        over is not None and over <= 100)
    jr = j("SeedModelBenchmark.replaySync")
    alloc = jr["alloc"] if jr else None
    row("Java allocation per replay, steady state", "gc.alloc.rate.norm of replay+sync", alloc, "0 bytes",
        alloc is not None and alloc < 0.5)
    cap_ns, cap_b = m.get("capture_ns_per_task"), m.get("capture_heap_bytes_per_task")
    row(f"capture: time per task (K = {int(m.get('capture_k', 0)):,})", "C API, begin … end", cap_ns, "≤ 1 µs",
        cap_ns is not None and cap_ns <= 1000)
    row(f"capture: model memory per task (K = {int(m.get('capture_k', 0)):,})", "C API, malloc'd bytes held by the model",
        cap_b, "≤ 256 B", cap_b is not None and cap_b <= 256)

    # The operators beyond Add: bandwidth against the STREAM loop on the same threads, matmul
    # against OpenBLAS's sgemm on the same threads, all from section 4 of the native run.
    operators = native.get("operators", [])
    elementwise = [r for r in operators if r["group"] == "elementwise"]
    reductions = [r for r in operators if r["group"] == "reduction"]
    op_elements = elements_label(m.get("operators_elements", 0))
    op_threads = int(m.get("operators_threads", 0) or 0)
    if elementwise:
        worst = min(elementwise, key=lambda r: r["ratio"])
        row(f"elementwise operator ÷ STREAM ({op_elements} float32, {op_threads} threads; worst of "
            f"{len(elementwise)})", f"{worst['op']}: {fmt(worst['gbps'])} ÷ {fmt(m.get('operators_stream_gbps'))} GB/s",
            worst["ratio"], "≥ 0.85", worst["ratio"] >= 0.85)
    if reductions:
        worst = min(reductions, key=lambda r: r["ratio"])
        row(f"softmax / layer norm ÷ STREAM ({op_elements} float32, worst of {len(reductions)})",
            f"{worst['op']}: {fmt(worst['gbps'])} ÷ {fmt(m.get('operators_stream_gbps'))} GB/s",
            worst["ratio"], "≥ 0.5", worst["ratio"] >= 0.5)
    if "matmul_gflops" in m:
        size = int(m.get("matmul_size", 0))
        if "matmul_vs_openblas" in m:
            row(f"float32 matmul {size}³ ÷ OpenBLAS sgemm ({op_threads} threads)",
                f"{fmt(m['matmul_gflops'])} ÷ {fmt(m['openblas_sgemm_gflops'])} GFLOP/s", m["matmul_vs_openblas"],
                "≥ 0.5", m["matmul_vs_openblas"] >= 0.5)
        else:
            row(f"float32 matmul {size}³ ÷ OpenBLAS sgemm", f"{fmt(m['matmul_gflops'])} GFLOP/s, no OpenBLAS",
                None, "≥ 0.5", False)

    # ---- plots ----
    docs = args.docs
    os.makedirs(docs, exist_ok=True)
    series = []
    for dtype in ["float32", "float16", "bf16", "int32", "int64", "int8", "double"]:
        pts = sorted((r["elements"], r["gbps"]) for r in native.get("kernel", []) if r["dtype"] == dtype)
        if pts:
            series.append({"name": f"aclnnAdd {dtype}", "points": pts})
    for t in (1, 2):
        pts = sorted((r["elements"], r["gbps"]) for r in native.get("stream", []) if r["threads"] == t)
        if pts:
            series.append({"name": f"STREAM add, {t} thread{'s' if t > 1 else ''}", "points": pts, "dash": True,
                           "color": "#000000" if t == 1 else "#888888"})
    svgplot.line_chart(os.path.join(docs, "performance-kernel-bandwidth.svg"),
                       "aclnnAdd on the simulator: bandwidth vs size (3 × N × element bytes per add)", series,
                       "elements per tensor", "GB/s", x_log=2, x_format=elements_label)
    if operators:
        names = [r["op"] for r in operators]
        svgplot.line_chart(os.path.join(docs, "performance-operators.svg"),
                           f"Operators at {op_elements} float32 elements: bandwidth ÷ STREAM on {op_threads} threads",
                           [{"name": "operator ÷ STREAM", "points": [(i, r["ratio"]) for i, r in enumerate(operators)]},
                            {"name": "elementwise target 0.85", "dash": True, "color": "#000000",
                             "points": [(0, 0.85), (len(operators) - 1, 0.85)]},
                            {"name": "softmax / layer norm target 0.5", "dash": True, "color": "#888888",
                             "points": [(0, 0.5), (len(operators) - 1, 0.5)]}],
                           "operator", "ratio", x_format=lambda v: names[int(round(v))] if 0 <= round(v) < len(names)
                           else "")
    rs = [{"name": "C API replay+sync", "points": sorted(replay.items())}]
    jp = sorted((k, jns("ReplayChainBenchmark.replaySync", k)) for (key, k) in jmh
                if key == "ReplayChainBenchmark.replaySync")
    if jp:
        rs.append({"name": "Java replay+sync", "points": jp})
    rs.append({"name": "C API per task", "points": sorted((k, v / k) for k, v in replay.items()), "dash": True})
    svgplot.line_chart(os.path.join(docs, "performance-replay-vs-k.svg"),
                       "Replay + synchronize of a chain of K adds on 8 floats", rs, "K (captured tasks)",
                       "ns (per replay; dashed: per task)", x_log=2, y_log=10, x_format=lambda v: f"{int(v):,}",
                       y_format=lambda v: f"{v:g}")

    # ---- the page ----
    L = []
    L.append("# Performance")
    L.append("")
    L.append("Written by `scripts/benchmark.sh` (do not edit by hand: rerun it). Every figure below comes from one "
             "run on the machine described here; targets are checked against ratios measured in that same run, "
             "never against absolute times from elsewhere.")
    L.append("")
    L.append(f"Run: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}{args.run_info}")
    L.append("")
    L.append("## Machine")
    L.append("")
    L.append(f"- CPU: {mach['model']}, {mach['cores']} cores visible ({mach['flags'] or 'no AVX2'})")
    L.append(f"- memory: {mach['memory']}; Linux {mach['kernel']}")
    L.append(f"- {mach['java']}; {mach['gcc']}")
    L.append("")
    L.append("## Targets")
    L.append("")
    L.append("| ratio | measured | figure | target | met |")
    L.append("|---|---|---|---|---|")
    for name, text, value, target, ok in rows:
        unit = ""
        if "ns" in target or "µs" in target:
            unit = " ns"
        elif "B" in target and "bytes" not in target:
            unit = " B"
        elif "bytes" in target:
            unit = " B/op"
        L.append(f"| {name} | {text} | **{fmt(value)}{unit}** | {target} | {'yes' if ok else '**no**'} |")
    L.append("")
    L.append("Notes on the measurements: the two replay ratios come from `SeedRatio`'s alternating rounds (see "
             "below and the notes at the end); other times are medians of samples (native) or JMH means (Java, "
             "`-f 1 -wi 3 -i 5`, 1 s iterations); the STREAM loop and the native benchmark's handoff floor are "
             "built with `-O3 -march=native`; the kernel's \"arithmetic\" for the replay-overhead row is that "
             "STREAM loop on 8 floats.")
    L.append("")

    L.append("## Replay and eager issue of the seed model")
    L.append("")
    L.append("| | C API | Java facade | Java ÷ C |")
    L.append("|---|---|---|---|")
    je = jns("SeedModelBenchmark.eagerSync")
    ce = m.get("seed_eager_sync_ns")
    L.append(f"| replay + synchronize (`Model.execute`: one native call) | {fmt(c_seed)} ns | {fmt(java_seed)} ns | "
             f"{fmt(java_seed / c_seed if java_seed and c_seed else None)} |")
    jts = jns("SeedModelBenchmark.replayThenSync")
    L.append(f"| replay, then synchronize (`executeAsync`, `synchronize`: two calls) | {fmt(c_seed)} ns | {fmt(jts)} ns | "
             f"{fmt(jts / c_seed if jts and c_seed else None)} |")
    L.append(f"| eager (H2D, prepare + launch aclnnAdd, D2H) + synchronize | {fmt(ce)} ns | {fmt(je)} ns | "
             f"{fmt(je / ce if je and ce else None)} |")
    L.append(f"| spinning handoff floor | {fmt(handoff)} ns | | |")
    L.append("")
    L.append("The table above takes the C API figure from the full native benchmark and the Java figures from "
             "the JMH run, minutes apart. The target rows use the rounds below instead: about 2 ms each of the "
             "handoff floor, the C API loop (run inside the shim, `agj_bench_replay_loop`) and Java's "
             "`Model.execute`, alternating within one process, grouped by the state the floor shows. A target "
             "counts as met only when it is met in every state the run saw.")
    L.append("")
    if states:
        L.append("| state | rounds | handoff floor | C API replay + sync | Java `Model.execute` | Java ÷ C | C ÷ floor |")
        L.append("|---|---|---|---|---|---|---|")
        for st in states:
            L.append(f"| {st['name']} | {st['rounds']} | {fmt(st['floor'])} ns | {fmt(st['c'])} ns | "
                     f"{fmt(st['java'])} ns | {fmt(st['java_c'])} | {fmt(st['c_floor'])} |")
        L.append("")
        L.append(f"{straddling} round(s) whose floor changed by 30 % or more between start and end are left out.")
        L.append("")
        L.append(f"In the full native benchmark (replay and floor also alternating): {fmt(c_seed)} ns ÷ "
                 f"{fmt(handoff)} ns, {fmt(m.get('seed_replay_over_handoff'))} (median of rounds).")
        L.append("")

    if update_rounds:
        pipelined = median([r["pipelined"] for r in update_rounds])
        synchronous = median([r["synchronous"] for r in update_rounds])
        ratio = median([r["synchronous"] / r["pipelined"] for r in update_rounds])

        L.append("## Task updates between replays")
        L.append("")
        L.append("`UpdatePipelineRatio`: replays of a one-kernel model, each preceded by a `TaskGroup.update` that "
                 "changes the kernel's alpha, in alternating rounds of 200 within one process. Pipelined: the "
                 "update on the replay stream (stream order), no wait until the round's end. "
                 "Synchronise–update–replay: the host waits for the previous replay and for the update (on a "
                 "second stream) before each replay.")
        L.append("")
        L.append("| | per update + replay | synchronise–update–replay ÷ this (median of rounds) |")
        L.append("|---|---|---|")
        L.append(f"| pipelined on the replay stream | {fmt(pipelined)} ns | {fmt(ratio)} |")
        L.append(f"| synchronise–update–replay | {fmt(synchronous)} ns | |")
        L.append("")
        calls = [r for r in update_rounds if "taskCallsPipelined" in r]
        if calls:
            calls_pipelined = median([r["taskCallsPipelined"] for r in calls])
            calls_synchronous = median([r["taskCallsSynchronous"] for r in calls])
            calls_ratio = median([r["taskCallsSynchronous"] / r["taskCallsPipelined"] for r in calls])
            L.append("The same with the kernel in no task group, updated by `Model.update` through CANN 9.1's task "
                     "calls (`aclmdlRITaskSetParams`, `aclmdlRIUpdate`), in the same rounds. The runtime changes a "
                     "model only while no replay of it is queued, so a pipelined update is queued on the stream "
                     "and the replay after it waits until it has been made: the gain is the synchronisation "
                     "calls saved, not the overlap.")
            L.append("")
            L.append("| | per update + replay | synchronise–update–replay ÷ this (median of rounds) |")
            L.append("|---|---|---|")
            L.append(f"| task calls, pipelined on the replay stream | {fmt(calls_pipelined)} ns | {fmt(calls_ratio)} |")
            L.append(f"| task calls, synchronise–update–replay | {fmt(calls_synchronous)} ns | |")
            L.append("")

    L.append("## Replay cost against the number of captured tasks")
    L.append("")
    L.append("![replay cost vs K](performance-replay-vs-k.svg)")
    L.append("")
    L.append("| K | C API ns per replay | ns per task | Java ns per replay |")
    L.append("|---|---|---|---|")
    for k in sorted(replay):
        L.append(f"| {k:,} | {fmt(replay[k])} | {fmt(replay[k] / k)} | {fmt(jns('ReplayChainBenchmark.replaySync', k))} |")
    j1, j64 = jns("ReplayChainBenchmark.replaySync", 1), jns("ReplayChainBenchmark.replaySync", 64)
    if j1 and j64:
        L.append("")
        L.append(f"Java, same chain: ({fmt(j64)} − {fmt(j1)}) ns ÷ 63 = {fmt((j64 - j1) / 63)} ns per captured task.")
    big = [k for k in m if k.startswith("replay_k") and k.endswith("_ns_per_task")]
    for k in big:
        L.append("")
        L.append(f"At K = {int(m.get('capture_k', 0)):,} (the captured model of the capture test): "
                 f"{fmt(m[k])} ns per task per replay.")
    for k in (1, 64):
        key = f"eager_chain_k{k}_ns"
        if key in m:
            L.append("")
            L.append(f"The same chain of K = {k} issued eagerly (repeatable executors, no capture) + synchronize: "
                     f"{fmt(m[key])} ns.")
    L.append("")

    L.append("## Capture")
    L.append("")
    L.append("| | time per task | memory per task |")
    L.append("|---|---|---|")
    L.append(f"| C API, K = {int(m.get('capture_k', 0)):,} | {fmt(cap_ns)} ns | {fmt(cap_b)} B malloc'd "
             f"({fmt(m.get('capture_rss_bytes_per_task'))} B resident) |")
    for (key, k), r in sorted(jmh.items(), key=lambda x: (x[0][0], x[0][1] or 0)):
        if key == "CaptureChainBenchmark.captureAndRelease":
            L.append(f"| Java facade, K = {k:,} (capture + close) | {fmt(jns(key, k) / k)} ns | |")
    if cap_java:
        L.append(f"| Java facade, K = 100,000, one capture in a fresh JVM | "
                 f"{fmt(cap_java.get('capture_java_ns_per_task'))} ns | "
                 f"{fmt(cap_java.get('capture_java_rss_bytes_per_task'))} B resident |")
    L.append("")

    L.append("## Kernel bandwidth")
    L.append("")
    L.append("![kernel bandwidth vs size](performance-kernel-bandwidth.svg)")
    L.append("")
    L.append("GB/s = 3 × N × element size ÷ time per add (STREAM's convention: two reads, one write), launches "
             "queued back to back on one stream and one synchronize per sample.")
    L.append("")
    sizes = sorted({r["elements"] for r in native.get("kernel", [])})
    dtypes = []
    for r in native.get("kernel", []):
        if r["dtype"] not in dtypes:
            dtypes.append(r["dtype"])
    L.append("| elements | " + " | ".join(dtypes) + " | STREAM 1 thread | STREAM 2 threads |")
    L.append("|---|" + "---|" * (len(dtypes) + 2))
    for n in sizes:
        cells = [fmt(kernel[(d, n)]["gbps"]) if (d, n) in kernel else "" for d in dtypes]
        cells += [fmt(stream[(t, n)]["gbps"]) if (t, n) in stream else "" for t in (1, 2)]
        L.append(f"| {elements_label(n)} | " + " | ".join(cells) + " |")
    L.append("")

    if operators:
        L.append("## Operators beyond Add")
        L.append("")
        L.append("![operators against STREAM](performance-operators.svg)")
        L.append("")
        L.append(f"Each operator on {op_elements} float32 elements (softmax and layer norm over rows of a "
                 f"{op_elements} matrix), a repeatable executor launched back to back; GB/s counts the bytes the "
                 "operator must move (binary: 12 per element, unary: 8, Cast to FLOAT16: 6) and is compared with "
                 f"the STREAM add loop on the same {op_threads} threads "
                 f"({fmt(m.get('operators_stream_gbps'))} GB/s in this run).")
        L.append("")
        L.append("| operator | time | GB/s | ÷ STREAM |")
        L.append("|---|---|---|---|")
        for r in operators:
            L.append(f"| {r['op']} | {fmt(r['ns'] / 1e6)} ms | {fmt(r['gbps'])} | {fmt(r['ratio'])} |")
        L.append("")
        if "matmul_gflops" in m:
            L.append(f"Matmul {int(m['matmul_size'])}³ float32 (aclnnMm, KEEP_DTYPE): "
                     f"{fmt(m['matmul_gflops'])} GFLOP/s; OpenBLAS sgemm on {op_threads} threads: "
                     f"{fmt(m.get('openblas_sgemm_gflops'))} GFLOP/s.")
            L.append("")

    L.append("## Java allocation per operation (JMH `-prof gc`, gc.alloc.rate.norm)")
    L.append("")
    L.append("| benchmark | K | B/op |")
    L.append("|---|---|---|")
    for (key, k), r in sorted(jmh.items(), key=lambda x: (x[0][0], x[0][1] or 0)):
        L.append(f"| {key} | {k if k is not None else ''} | {fmt(r['alloc'])} |")
    L.append("")

    if args.notes and os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as f:
            L.append(f.read().rstrip())
        L.append("")

    with open(os.path.join(docs, "performance.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")
    print("\n".join(f"{name}: {fmt(value)} (target {target}) {'ok' if ok else 'MISSED'}"
                    for name, _, value, target, ok in rows))


if __name__ == "__main__":
    main()
