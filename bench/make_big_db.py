"""Generate a large database: 48 Parties × 2 rounds, about 10,000 recommendations (or more).

Rows are bulk-inserted with SQLAlchemy Core into the real, migrated schema (the FTS5 triggers
fire as for any write), with text lengths like the seed factsheet's: recommendations of about
300 characters, observations of 600, follow-ups of 1,200, some comments, 40 % rated.

    .venv/bin/python bench/make_big_db.py [PATH]     (default: /tmp/assessor-big.sqlite)
    .venv/bin/python bench/make_big_db.py /tmp/assessor-100k.sqlite --rounds 10 --per-factsheet 208

``--rounds N`` makes N monitoring rounds (each Party has a factsheet in each), ``--parties N``
that many Parties, ``--per-factsheet N`` about N recommendations in each factsheet (about 104
by default): 10 rounds × 48 Parties × 208 ≈ 100,000 recommendations.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from sqlalchemy import insert

from assessor.db.engine import open_database
from assessor.db.models import (
    Assessment,
    Chapter,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Observation,
    Party,
    Recommendation,
    RecommendationCode,
    Section,
    utcnow,
)
from assessor.db.presets import scale_from_preset
from assessor.domain.scales import PRESETS

SEED = Path(__file__).resolve().parents[1] / "resources" / "examples"
PARTIES = 48
ROUNDS = ("1st monitoring round: sexual abuse in the circle of trust",
          "2nd monitoring round: ICT-facilitated sexual exploitation")  # fmt: skip
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI")
RECS_PER_CHAPTER = (6, 14)  # about 104 per factsheet: 96 factsheets ≈ 10,000
#: The recommendations of a factsheet with RECS_PER_CHAPTER (11 chapters, 2 sections each).
PER_FACTSHEET = 104
VERBS = ("require", "request", "invite", "invite")
LEVELS = [lv.key for lv in PRESETS["greco"][1]]


def words() -> list[str]:
    """A vocabulary from the seed files, so that search finds realistic words."""
    text = " ".join(p.read_text(encoding="utf-8") for p in SEED.glob("*.*"))
    return re.findall(r"[A-Za-z][a-z]{2,}", text)


def sentence(vocab: list[str], rng: random.Random, chars: int) -> str:
    """About ``chars`` characters of words."""
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(vocab)
        out.append(word)
        size += len(word) + 1
    return " ".join(out).capitalize() + "."


def round_titles(count: int) -> tuple[str, ...]:
    """The titles of ``count`` monitoring rounds: the two real ones first, then numbered ones."""
    more = tuple(f"{n}th monitoring round: theme {n}" for n in range(3, count + 1))
    return (ROUNDS + more)[:count]


def build(
    path: Path, seed: int = 7, rounds: int = 2, parties: int = PARTIES, per_factsheet: int = 0
) -> int:
    """Write the database; return the number of recommendations.

    ``per_factsheet`` scales the recommendations of each factsheet (0: about 104, as always).
    """
    rng = random.Random(seed)
    scale = per_factsheet / PER_FACTSHEET if per_factsheet else 1.0
    low, high = (round(n * scale) for n in RECS_PER_CHAPTER)
    vocab = words()
    path.unlink(missing_ok=True)
    db = open_database(path)
    now = utcnow()
    with db.transaction() as s:
        made_rounds = []
        for title in round_titles(rounds):
            rnd = MonitoringRound(title=title, rating_scale=scale_from_preset(s))
            s.add(rnd)
            made_rounds.append(rnd)
        made_parties = [Party(name=f"Party {n:02d}") for n in range(1, parties + 1)]
        s.add_all(made_parties)
        s.flush()
        sheets = [Factsheet(party_id=p.id, round_id=r.id, title=f"Compliance – {p.name}",
                            preamble="", source="bench", imported_at=now)
                  for p in made_parties for r in made_rounds]  # fmt: skip
        s.add_all(sheets)
        s.flush()
        conn = s.connection()
        chapter_rows = [
            {"factsheet_id": f.id, "number": roman, "title": sentence(vocab, rng, 30)[:-1],
             "position": i}
            for f in sheets
            for i, roman in enumerate(ROMANS)
        ]  # fmt: skip
        conn.execute(insert(Chapter), chapter_rows)
        chapters = s.query(Chapter.id, Chapter.factsheet_id, Chapter.number).all()
        section_rows = [
            {"chapter_id": cid, "kind": kind, "title": f"{kind} recommendations", "position": k}
            for cid, _fid, _num in chapters
            for k, kind in enumerate(("specific", "generic"))
        ]
        conn.execute(insert(Section), section_rows)
        sections = s.query(Section.id, Section.chapter_id, Section.kind).all()
        chapter_of = {cid: (fid, num) for cid, fid, num in chapters}
        conn.execute(insert(Observation), [
            {"section_id": sid, "position": n, "text": sentence(vocab, rng, 600),
             "paragraphs": [str(rng.randint(10, 300))]}
            for sid, _cid, _kind in sections for n in range(2)
        ])  # fmt: skip
        recs = []
        position: dict[int, int] = {}
        for sid, cid, kind in sections:
            fid, number = chapter_of[cid]
            for _ in range(rng.randint(low, high) // 2):
                pos = position.get(fid, 0)
                position[fid] = pos + 1
                verb = rng.choice(VERBS)
                recs.append({
                    "uid": f"{fid:03d}{pos:05d}{rng.getrandbits(64):016x}",
                    "factsheet_id": fid, "section_id": sid, "chapter_number": number,
                    "position": pos, "section_position": pos, "verb": verb, "scope": kind,
                    "text": f"The Committee {verb}s the Party to " + sentence(vocab, rng, 280),
                    "paragraphs": [str(rng.randint(10, 300))],
                })  # fmt: skip
        conn.execute(insert(Recommendation), recs)
        rec_ids = s.query(Recommendation.id, Recommendation.factsheet_id,
                          Recommendation.chapter_number, Recommendation.position).all()  # fmt: skip
        conn.execute(insert(RecommendationCode), [
            {"factsheet_id": fid, "recommendation_id": rid, "code": f"{num}-{pos + 1}",
             "position": 0}
            for rid, fid, num, pos in rec_ids
        ])  # fmt: skip
        conn.execute(insert(FollowUp), [
            {"recommendation_id": rid, "text": sentence(vocab, rng, 1200), "source": "bench",
             "received_at": now}
            for rid, *_ in rec_ids if rng.random() < 0.3
        ])  # fmt: skip
        conn.execute(insert(Assessment), [
            {"recommendation_id": rid, "rating": rng.choice(LEVELS),
             "comment": sentence(vocab, rng, 200) if rng.random() < 0.5 else "",
             "status": "draft", "updated_at": now, "updated_by": "bench"}
            for rid, *_ in rec_ids if rng.random() < 0.4
        ])  # fmt: skip
        count = len(rec_ids)
    db.close()
    return count


def main() -> None:
    """Build the database at the path given (or the default) and say how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default="/tmp/assessor-big.sqlite", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--parties", type=int, default=PARTIES)
    parser.add_argument("--per-factsheet", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    count = build(args.path, rounds=args.rounds, parties=args.parties,
                  per_factsheet=args.per_factsheet)  # fmt: skip
    size = args.path.stat().st_size / 1e6
    print(f"{count} recommendations in {args.parties * args.rounds} factsheets written to "
          f"{args.path} ({size:.0f} MB) in {time.perf_counter() - start:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
