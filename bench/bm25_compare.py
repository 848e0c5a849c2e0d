"""Why bm25s and not rank-bm25: query latency of both on the same synthetic chunks.

Run: .venv/bin/pip install rank-bm25==0.2.2 && .venv/bin/python bench/bm25_compare.py
(rank-bm25 is not a dependency of Creator Desk; this script is the measurement behind the choice.)
"""
import time, random, statistics
import numpy as np
import bm25s, Stemmer
try:
    from rank_bm25 import BM25Okapi
except ImportError:
    raise SystemExit("pip install rank-bm25==0.2.2 to run this comparison")
random.seed(1)
words = ("sample refundable commission frozen settled pending payout withdrawal paypal bank fee creator showcase "
         "collection live violation appeal health rating pps chr tax form w9 campaign agency partner link order "
         "refund return delivered days minimum threshold followers pilot program eligibility content claim").split()
filler = "the a of to and in for is on with as by at be this that from or".split()
def doc(): return " ".join(random.choice(words + filler * 2) for _ in range(120))
st = Stemmer.Stemmer("english")
queries = [" ".join(random.sample(words, 4)) for _ in range(100)]
for n in (10_000, 100_000):
    corpus = [doc() for _ in range(n)]
    t = time.perf_counter(); tok = bm25s.tokenize(corpus, stopwords="en", stemmer=st, show_progress=False)
    r = bm25s.BM25(); r.index(tok, show_progress=False); b_build = time.perf_counter() - t
    lat = []
    for q in queries:
        t = time.perf_counter(); qt = bm25s.tokenize([q], stopwords="en", stemmer=st, show_progress=False, return_ids=False)
        s = r.get_scores(qt[0]); np.argpartition(-s, 30)[:30]; lat.append(time.perf_counter() - t)
    t = time.perf_counter(); rb = BM25Okapi([st.stemWords(d.split()) for d in corpus]); r_build = time.perf_counter() - t
    lat2 = []
    for q in queries[:30]:
        t = time.perf_counter(); s = rb.get_scores(st.stemWords(q.split())); np.argpartition(-s, 30)[:30]; lat2.append(time.perf_counter() - t)
    p = lambda xs, q: sorted(xs)[int(len(xs) * q) - 1] * 1000
    print(f"{n:>7} chunks | bm25s build {b_build:.1f}s p50 {p(lat,.5):.2f} ms p95 {p(lat,.95):.2f} ms | "
          f"rank-bm25 build {r_build:.1f}s p50 {p(lat2,.5):.1f} ms p95 {p(lat2,.95):.1f} ms")
