#!/usr/bin/env python3
"""Build crates/dyad-core/data/syntax/open-class.tsv from WordNet 3.0.

The tagger reads, for each word, the parts of speech a dictionary allows it (a hint, not a rule):
most of its errors are on words its training treebank never showed. WordNet gives the open
classes (nouns, verbs, adjectives, adverbs) of about 130,000 English words; this script keeps the
single words, adds their inflected forms (regular rules and WordNet's exception lists) and marks
nouns that WordNet only writes capitalised as proper nouns.

Input: the WordNet 3.0 database as Debian's `wordnet-base` installs it (/usr/share/wordnet).
WordNet licence (Princeton University): permission to use, copy, modify and distribute this
software and database for any purpose and without fee or royalty is granted, provided the
copyright notice is kept; see the header the script writes.

    apt-get install wordnet-base && python3 tools/wordnet_lexicon.py > crates/dyad-core/data/syntax/open-class.tsv
"""
import os
import re
import sys
from collections import defaultdict

WN = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$|^[a-z]$")


def lemmas(pos):
    """Single-word lemmas of one part of speech, and whether WordNet writes each capitalised."""
    caps = defaultdict(lambda: [0, 0])  # lemma -> [capitalised senses, lower-case senses]
    with open(os.path.join(WN, f"data.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            n = int(parts[3], 16)
            for i in range(n):
                w = parts[4 + 2 * i]
                w = re.sub(r"\(.*\)$", "", w)
                if "_" in w:
                    continue
                low = w.lower()
                caps[low][0 if w[0].isupper() else 1] += 1
    return {w: c for w, c in caps.items() if WORD.match(w)}


def exceptions(pos):
    out = defaultdict(set)
    path = os.path.join(WN, f"{pos}.exc")
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and WORD.match(parts[0]):
                for base in parts[1:]:
                    out[base].add(parts[0])
    return out


def plural(n):
    if re.search(r"(s|x|z|ch|sh)$", n):
        return n + "es"
    if re.search(r"[^aeiou]y$", n):
        return n[:-1] + "ies"
    return n + "s"


def verb_forms(v):
    out = {v}
    if re.search(r"(s|x|z|ch|sh|o)$", v):
        out.add(v + "es")
    elif re.search(r"[^aeiou]y$", v):
        out.add(v[:-1] + "ies")
    else:
        out.add(v + "s")
    if v.endswith("ie"):
        out |= {v[:-2] + "ying", v + "d"}
    elif v.endswith("ee"):
        out |= {v + "ing", v + "d"}
    elif v.endswith("e"):
        out |= {v[:-1] + "ing", v + "d"}
    elif re.search(r"[^aeiou]y$", v):
        out |= {v + "ing", v[:-1] + "ied"}
    else:
        out |= {v + "ing", v + "ed"}
        # A final consonant after one short vowel doubles ("ban" -> "banned").
        if re.search(r"[^aeiou][aeiou][bdfgklmnprtvz]$", v) and len(v) <= 5:
            out |= {v + v[-1] + "ing", v + v[-1] + "ed"}
    return out


def main():
    tags = defaultdict(set)
    nouns = lemmas("noun")
    noun_exc = exceptions("noun")
    for n, (cap, low) in nouns.items():
        # "March" is a month and "march" a walk: a noun written both ways can be either.
        kinds = ({"PROPN"} if cap else set()) | ({"NOUN"} if low else set())
        forms = {n} | noun_exc.get(n, set())
        if low and n not in noun_exc:
            forms.add(plural(n))
        for f in forms:
            tags[f] |= kinds
    verb_exc = exceptions("verb")
    for v in lemmas("verb"):
        for f in verb_forms(v) | verb_exc.get(v, set()):
            tags[f].add("VERB")
    adj_exc = exceptions("adj")
    for a in lemmas("adj"):
        for f in {a} | adj_exc.get(a, set()):
            tags[f].add("ADJ")
    for r in lemmas("adv"):
        tags[r].add("ADV")
    print("# Open-class words of English and the parts of speech a dictionary allows them.")
    print("# Derived by tools/wordnet_lexicon.py from WordNet 3.0 (Princeton University,")
    print("# https://wordnet.princeton.edu): 'WordNet 3.0 Copyright 2006 by Princeton University.")
    print("# All rights reserved. Permission to use, copy, modify and distribute this software and")
    print("# database and its documentation for any purpose and without fee or royalty is hereby")
    print("# granted, provided that you agree to comply with the following copyright notice and")
    print("# statements, including the disclaimer, and that the same appear on ALL copies of the")
    print("# software, database and documentation, including modifications that you make for")
    print("# internal use or for distribution.' THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND")
    print("# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.")
    print("# Single words only; inflected forms added by rule and from WordNet's exception lists;")
    print("# nouns WordNet writes capitalised are (also) PROPN. One word per line: word, tags.")
    print("word\ttags")
    for w in sorted(tags):
        print(f"{w}\t{'|'.join(sorted(tags[w]))}")


if __name__ == "__main__":
    sys.exit(main())
