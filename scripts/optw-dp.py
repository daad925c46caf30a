#!/usr/bin/env python3
"""An independent check of expoplan's orienteering results (no code shared with it).

Reads an orienteering-with-time-windows instance, in Solomon's layout
(id x y demand ready due service, the demand being the score) or as a plain table
(id x y service score open close), the depot first. Travel takes ceil(distance)
minutes, as in `expoplan import-optw`. A visit starts within [open, close]; the tour
leaves the depot at its opening time and is back by its closing time.

Dynamic programming over (point, start minute), keeping per state the two best
labels with different previous points: the best value is an upper bound on the
score of every tour (a path may come back to a point, though not straight away).
When the best path visits each point at most once it is a tour, hence optimal.

Prints JSON: {"bound": …, "elementary": true|false, "path": [[point, minute], …]}.
"""
import json
import math
import sys


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


def solve(points):
    n = len(points)
    horizon_start, horizon_end = points[0][3], points[0][4]
    travel = [[math.ceil(math.dist(points[i][:2], points[j][:2]) - 1e-9) for j in range(n)] for i in range(n)]
    labels = {(0, horizon_start): [(0, -1, None)]}  # (score, previous point, back-pointer)

    def offer(key, score, previous, back):
        entries = labels.setdefault(key, [])
        for k, (s, p, _) in enumerate(entries):
            if p == previous:
                if score > s:
                    entries[k] = (score, previous, back)
                break
        else:
            entries.append((score, previous, back))
        entries.sort(key=lambda e: -e[0])
        del entries[2:]

    best, best_back = 0, None
    for t in range(horizon_start, horizon_end + 1):
        for i in range(n):
            for entry in list(labels.get((i, t), [])):
                score, previous, _ = entry
                leave = t + points[i][5]
                if i and leave + travel[i][0] <= horizon_end and score > best:
                    best, best_back = score, (i, t, entry)
                for j in range(1, n):
                    if j in (i, previous):
                        continue
                    start = max(points[j][3], leave + travel[i][j])
                    if start <= points[j][4] and start + points[j][5] + travel[j][0] <= horizon_end:
                        offer((j, start), score + points[j][2], i, (i, t, entry))
    path, back = [], best_back
    while back:
        i, t, entry = back
        path.append([i, t])
        back = entry[2]
    path.reverse()
    visited = [i for i, _ in path if i]
    return {"bound": best, "elementary": len(set(visited)) == len(visited), "path": path}


if __name__ == "__main__":
    print(json.dumps(solve(read(sys.argv[1]))))
