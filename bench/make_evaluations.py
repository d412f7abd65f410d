#!/usr/bin/env python3
"""Writes the data of bench/quality_import.sh into DIR: an organisation of
AGENTS agents in teams of 15 (and a coach per 100 agents), 5 competencies,
one phone scorecard of 7 areas, and a year of evaluations (2026): four a
month per agent, of which about 80 % by a coach (manager), 10 % by a peer,
7 % the agent's own (self) and 3 % calibrations, each scoring every area
(1.68 M area scores for 5,000 agents). Deterministic: the same AGENTS give
the same files.
    make_evaluations.py DIR [AGENTS]"""
import os
import random
import sys

out = sys.argv[1]
agents = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
rng = random.Random(13)
os.makedirs(out, exist_ok=True)
team_size = 15
nteams = (agents + team_size - 1) // team_size
ncoaches = max(1, agents // 100)

with open(os.path.join(out, "teams.csv"), "w") as f:
    f.write("key,name,parent\norg,Organisation,\ncoaches,Coaches,org\n")
    for t in range(nteams):
        f.write("t%04d,Team %d,org\n" % (t, t))
comps = ["listening", "knowledge", "empathy", "solving", "writing"]
with open(os.path.join(out, "competencies.csv"), "w") as f:
    f.write("key,name\n")
    for c in comps:
        f.write("%s,%s\n" % (c, c.capitalize()))
with open(os.path.join(out, "people.csv"), "w") as f:
    f.write("id,name,team\n")
    for a in range(agents):
        f.write("a%05d,Agent %d,t%04d\n" % (a, a, a // team_size))
    for c in range(ncoaches):
        f.write("c%03d,Coach %d,coaches\n" % (c, c))
areas = [("greeting", "listening", 1, 0, 1, "false"),
         ("question", "listening", 2, 1, 5, "false"),
         ("listening", "listening", 2, 1, 5, "false"),
         ("information", "knowledge", 3, 1, 5, "true"),
         ("first-contact", "solving", 2, 1, 5, "false"),
         ("tone", "empathy", 1, 1, 5, "false"),
         ("closing", "writing", 1, 0, 1, "false")]
with open(os.path.join(out, "scorecards.csv"), "w") as f:
    f.write("scorecard,area,competency,weight,min,max,critical\n")
    for name, comp, w, lo, hi, crit in areas:
        f.write("phone,%s,%s,%d,%d,%d,%s\n" % (name, comp, w, lo, hi, crit))
n = 0
with open(os.path.join(out, "evaluations.csv"), "w") as f:
    f.write("evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment\n")
    for month in range(1, 13):
        for a in range(agents):
            agent = "a%05d" % a
            skill = 0.55 + 0.4 * ((a * 7919) % 100) / 100
            for k in range(4):
                n += 1
                r = rng.random()
                if r < 0.80:
                    kind, ev = "manager", "c%03d" % (a % ncoaches)
                elif r < 0.90:
                    kind, ev = "peer", "a%05d" % ((a + 1) % agents)
                elif r < 0.97:
                    kind, ev = "self", agent
                else:
                    kind, ev = "calibration", "c%03d" % ((a + 1) % ncoaches)
                day = 1 + 7 * k + rng.randrange(0, 7)
                head = "Q%07d,C%07d,phone,%s,%s,%s,2026-%02d-%02d," % (
                    n, n, agent, ev, kind, month, day)
                for name, comp, w, lo, hi, crit in areas:
                    p = min(1.0, max(0.0, rng.gauss(skill, 0.2)))
                    score = lo + round(p * (hi - lo))
                    comment = "asked twice" if rng.random() < 0.05 else ""
                    f.write("%s%s,%d,%s\n" % (head, name, score, comment))
print("%d agents, %d evaluations, %d area scores" % (agents, n, n * len(areas)))
