//! A parsed sentence as the coder reads it: each token's tag, lemma, head and relation, with
//! the children of each token at hand.
//!
//! Tokens are the sentence's own (the same indices as its actor phrases and lexicon matches);
//! heads are token indices, `None` for the root.

use super::model::Analysis;
use super::tags::{Dep, Upos};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub upos: Upos,
    pub lemma: String,
    pub head: Option<usize>,
    pub dep: Dep,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    pub fn new(a: Analysis) -> Tree {
        let n = a.upos.len();
        let mut nodes = Vec::with_capacity(n);
        let mut children = vec![Vec::new(); n];
        for i in 0..n {
            let head = (a.heads[i] > 0 && a.heads[i] <= n).then(|| a.heads[i] - 1);
            if let Some(h) = head {
                children[h].push(i);
            }
            nodes.push(Node {
                upos: a.upos[i],
                lemma: a.lemmas[i].clone(),
                head,
                dep: a.deps[i],
            });
        }
        Tree { nodes, children }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    pub fn upos(&self, i: usize) -> Upos {
        self.nodes[i].upos
    }

    pub fn dep(&self, i: usize) -> Dep {
        self.nodes[i].dep
    }

    pub fn lemma(&self, i: usize) -> &str {
        &self.nodes[i].lemma
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.nodes[i].head
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// Children of `i` with relation `dep` (subtypes must match: `Dep::Obl` is not
    /// `Dep::OblAgent`).
    pub fn with_dep(&self, i: usize, dep: Dep) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.nodes[c].dep == dep)
    }

    /// The first child of `i` whose universal relation is `dep` (any subtype).
    pub fn child(&self, i: usize, dep: Dep) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.nodes[c].dep.universal() == dep)
    }

    /// The lemma of the preposition marking `i` ("with" in "talks with Ghana").
    pub fn case(&self, i: usize) -> Option<&str> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| matches!(self.nodes[c].dep, Dep::Case))
            .map(|c| self.nodes[c].lemma.as_str())
    }

    /// Is `a` inside the subtree of `b` (or `b` itself)?
    pub fn dominates(&self, b: usize, a: usize) -> bool {
        let mut k = Some(a);
        let mut steps = 0;
        while let Some(x) = k {
            if x == b {
                return true;
            }
            k = self.nodes[x].head;
            steps += 1;
            if steps > self.nodes.len() {
                return false;
            }
        }
        false
    }

    /// The chain of heads above `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = self.nodes[i].head;
        let mut steps = 0;
        std::iter::from_fn(move || {
            let x = k?;
            steps += 1;
            if steps > self.nodes.len() {
                return None;
            }
            k = self.nodes[x].head;
            Some(x)
        })
    }

    /// The whole coordination `i` is part of: its first conjunct and every token joined to
    /// that by `conj`, in order.
    pub fn coordination(&self, i: usize) -> Vec<usize> {
        let mut first = i;
        for _ in 0..self.nodes.len() {
            match self.nodes[first].head {
                Some(h) if self.nodes[first].dep == Dep::Conj => first = h,
                _ => break,
            }
        }
        self.conjuncts(first)
    }

    /// The tokens joined to `x` by `conj`. A "conjunct" of a noun that has a subject or a
    /// copula of its own is a clause the parser attached there ("Russia, which is Serbia's
    /// ally, ..."), not one more party.
    pub fn conj_children(&self, x: usize) -> impl Iterator<Item = usize> + '_ {
        let nominal = matches!(self.upos(x), Upos::Noun | Upos::Propn | Upos::Pron);
        self.with_dep(x, Dep::Conj).filter(move |&c| {
            !nominal
                || !self
                    .children(c)
                    .iter()
                    .any(|&g| matches!(self.dep(g).universal(), Dep::Nsubj | Dep::Cop))
        })
    }

    /// The conjuncts of `i`: `i` and every token joined to it by `conj`, in order.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let x = out[k];
            out.extend(self.conj_children(x));
            k += 1;
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Ghana and Togo signed a deal": a hand-built tree.
    fn tree() -> Tree {
        let a = Analysis {
            upos: vec![
                Upos::Propn,
                Upos::Cconj,
                Upos::Propn,
                Upos::Verb,
                Upos::Det,
                Upos::Noun,
            ],
            lemmas: ["Ghana", "and", "Togo", "sign", "a", "deal"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            heads: vec![4, 3, 1, 0, 6, 4],
            deps: vec![
                Dep::Nsubj,
                Dep::Cc,
                Dep::Conj,
                Dep::Root,
                Dep::Det,
                Dep::Obj,
            ],
        };
        Tree::new(a)
    }

    #[test]
    fn children_heads_and_conjuncts() {
        let t = tree();
        assert_eq!(t.head(3), None);
        assert_eq!(t.child(3, Dep::Nsubj), Some(0));
        assert_eq!(t.child(3, Dep::Obj), Some(5));
        assert_eq!(t.conjuncts(0), vec![0, 2]);
        assert_eq!(t.coordination(2), vec![0, 2]);
        assert!(t.dominates(3, 4) && !t.dominates(5, 0));
        assert_eq!(t.ancestors(4).collect::<Vec<_>>(), vec![5, 3]);
    }
}
