#!/usr/bin/env python3
"""An independent check of expoplan's orienteering results (no code shared with it).

Reads an orienteering-with-time-windows instance, in Solomon's layout
(id x y demand ready due service, the demand being the score) or as a plain table
(id x y service score open close), the depot first. Time is exact, to a tenth of a
second, as in expoplan's tours: travel takes the Euclidean distance in minutes,
rounded up to the tenth of a second (with `--distance-rounding STEP`, the distance is
first rounded down to a multiple of STEP, as the Righini-Salani sets do with 0.1 or
0.01). A visit starts within [open, close]; the tour leaves the depot at its opening
time and is back by its closing time.

Label setting in order of time: a label is (point, exact start, score, previous
point). A label gives way to one at the same point, no later and scoring as much, from
the same previous point, or to two such from different previous points. A path may
come back to a point, though not straight away, so the best score is an upper bound on
the score of every tour; when the best path visits each point at most once it is a
tour, hence optimal.

Prints JSON: {"bound": …, "elementary": true|false, "path": [[point, seconds], …]}.
"""
import heapq
import json
import math
import sys

TICKS = 600  # a minute in tenths of a second


def read(path):
    lines = [line.split() for line in open(path, encoding="utf-8")]
    solomon = any(" ".join(f).upper().startswith("CUST NO") for f in lines)
    points, table = [], not solomon
    for f in lines:
        if not f or f[0].startswith("#"):
            continue
        if not table:
            table = " ".join(f).upper().startswith("CUST NO")
            continue
        v = [float(x) for x in f[1:7]]
        if solomon:
            x, y, score, ready, due, service = v
        else:
            x, y, service, score, ready, due = v
        points.append((x, y, round(score), math.ceil(ready), math.floor(due), round(service)))
    return points


def solve(points, step=None):
    n = len(points)
    horizon_start, horizon_end = points[0][3] * TICKS, points[0][4] * TICKS

    def ticks(i, j):
        d = math.dist(points[i][:2], points[j][:2])
        if step:
            d = math.floor(d / step + 1e-9) * step
        return math.ceil(d * TICKS - 1e-6)

    travel = [[ticks(i, j) for j in range(n)] for i in range(n)]
    service = [p[5] * TICKS for p in points]
    kept = [[] for _ in range(n)]  # per point: (time, score, previous) of the labels expanded
    heap = [(horizon_start, 0, 0, -1, None)]  # (time, -score, point, previous, back)
    count = 0
    best, best_back = 0, None
    while heap:
        time, negative, i, previous, back = heapq.heappop(heap)
        score = -negative
        dominating = {p for (t, s, p) in kept[i] if t <= time and s >= score}
        if previous in dominating or len(dominating) >= 2:
            continue
        kept[i].append((time, score, previous))
        here = (i, time, back)
        leave = time + service[i]
        if i and leave + travel[i][0] <= horizon_end and score > best:
            best, best_back = score, here
        for j in range(1, n):
            if j in (i, previous):
                continue
            start = max(points[j][3] * TICKS, leave + travel[i][j])
            if start <= points[j][4] * TICKS and start + service[j] + travel[j][0] <= horizon_end:
                count += 1
                heapq.heappush(heap, (start, -(score + points[j][2]), j, i, here))
    path, back = [], best_back
    while back:
        i, t, back = back
        path.append([i, t / 10])
    path.reverse()
    visited = [i for i, _ in path if i]
    return {"bound": best, "elementary": len(set(visited)) == len(visited), "path": path}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    step = None
    if "--distance-rounding" in arguments:
        k = arguments.index("--distance-rounding")
        step = float(arguments[k + 1])
        del arguments[k:k + 2]
    print(json.dumps(solve(read(arguments[0]), step)))
