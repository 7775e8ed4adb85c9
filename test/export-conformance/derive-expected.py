#!/usr/bin/env python3
"""
Derive, independently of Ironlog's parser, what each real export in ../shared/real-exports holds:
workouts, sets, rest timers, missed attempts and rows that record nothing (problems). Python's csv
module reads the files; the column names are matched here by hand, per layout, not by the app's code.

    python3 test/export-conformance/derive-expected.py > test/export-conformance/expected-counts.csv

A `known_gap` already written in expected-counts.csv (a file the parser cannot read whole yet, and why) is kept.

Rules (the same for every app):
- a rest-timer row (Strong's Set Order "Rest Timer", German "Ruhezeit") is set aside and counted;
- a failed attempt (set marked F / FAILURE / failure, no reps, no time, no distance) is a missed set;
- any other row that holds reps, a weight, a time or a distance is a set, whatever their size (a value
  past what a set may hold is the preview's "worth a look", not a problem);
- a row that holds none of them, or whose cell count differs from the header's, is a problem;
- a workout is a distinct (start, name) among sets and missed sets (FitNotes: a distinct date).
"""
import csv
import hashlib
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPORTS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "real-exports"))
TABLE = os.path.join(HERE, "expected-counts.csv")

# Column roles: each app's header names (English, German, French, Chinese), by role.
STRONG = {
    "date": ["Date", "Datum", "日期"],
    "name": ["Workout Name", "Workout-Name", "Nom de l'entraînement", "锻炼名称"],
    "order": ["Set Order", "Reihenfolge festlegen", "Ordre de la série", "设置顺序"],
    "weight": ["Weight", "Weight (kg)", "kg", "lb", "Gewicht", "Poids", "重量"],
    "reps": ["Reps", "Wiederh.", "Réps", "次"],
    "distance": ["Distance", "Distance (meters)", "km", "mi", "Entfernung", "距离"],
    "seconds": ["Seconds", "Sekunden", "Secondes", "秒"],
}
# Strong's semicolon layout of 2020-2024 (13 columns), as one file writes it with no header row.
STRONG_SEMICOLON = ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
                    "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes"]
HEVY = {
    "date": ["start_time"],
    "name": ["title"],
    "order": ["set_type"],
    "weight": ["weight_kg", "weight_lbs"],
    "reps": ["reps"],
    "distance": ["distance_km", "distance_miles"],
    "seconds": ["duration_seconds"],
}
FITNOTES = {
    "date": ["Date"],
    "weight": ["Weight", "Weight (lbs)", "Weight (kgs)"],
    "reps": ["Reps"],
    "distance": ["Distance"],
    "seconds": ["Time"],
}
REST_TIMER = {"rest timer", "ruhezeit"}
FAILED = {"f", "failure"}


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def amount(cell: str) -> float:
    cell = cell.strip()
    if not cell:
        return 0.0
    if ":" in cell:  # FitNotes' Time, h:mm:ss
        h, m, s = (cell.split(":") + ["0", "0"])[:3]
        return int(h) * 3600 + int(m) * 60 + float(s)
    return float(cell.replace(",", "."))


def derive(name: str, data: bytes):
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    rows = [r for r in rows if r != []]
    if name.startswith("jefit-"):
        return None
    if name.startswith("hevy-"):
        app, roles, header = "hevy", HEVY, rows[0]
    elif name.startswith("fitnotes-"):
        app, roles, header = "fitnotes", FITNOTES, rows[0]
    elif rows[0][0][:2] in ("19", "20") and len(rows[0]) == 13:
        app, roles, header = "strong", STRONG, STRONG_SEMICOLON
        rows = [header] + rows
    else:
        app, roles, header = "strong", STRONG, rows[0]
    col = {}
    for role, names in roles.items():
        found = [header.index(n) for n in names if n in header]
        assert len(found) == 1, (name, role, header)
        col[role] = found[0]
    counts = {"workouts": 0, "sets": 0, "rest_timers": 0, "missed": 0, "problems": 0}
    workouts = set()
    for r in rows[1:]:
        if len(r) != len(header):
            counts["problems"] += 1
            continue
        order = r[col["order"]].strip().lower() if "order" in col else ""
        if order in REST_TIMER:
            counts["rest_timers"] += 1
            continue
        reps, weight, seconds, distance = (amount(r[col[k]]) for k in ("reps", "weight", "seconds", "distance"))
        if order in FAILED and reps == 0 and seconds == 0 and distance == 0:
            counts["missed"] += 1
        elif reps > 0 or weight > 0 or seconds > 0 or distance > 0:
            counts["sets"] += 1
        else:
            counts["problems"] += 1
            continue
        key = r[col["date"]].strip() if app == "fitnotes" else (r[col["date"]].strip(), r[col["name"]].strip().lower())
        workouts.add(key)
    counts["workouts"] = len(workouts)
    return app, counts


def main():
    gaps = {}
    if os.path.exists(TABLE):
        with open(TABLE, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["known_gap"]:
                    gaps[row["file"]] = row["known_gap"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["file", "blob", "app", "workouts", "sets", "rest_timers", "missed", "problems", "known_gap"])
    for name in sorted(os.listdir(EXPORTS)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(EXPORTS, name), "rb") as f:
            data = f.read()
        derived = derive(name, data)
        if derived is None:
            out.writerow([name, blob_id(data), "jefit", "", "", "", "", "", gaps.get(name, "")])
            continue
        app, c = derived
        out.writerow([name, blob_id(data), app, c["workouts"], c["sets"], c["rest_timers"], c["missed"], c["problems"],
                      gaps.get(name, "")])


if __name__ == "__main__":
    main()
