//! The view's sector and county filters: a set of slugs.

/// A set of slugs kept as a sorted `Vec` without duplicates: iteration order, equality and
/// so the links a view writes are those of the `BTreeSet<String>` it replaced. A filter
/// holds a handful of slugs, where a sorted `Vec` is as quick, and its code in the wasm is
/// a fraction of a B-tree's (docs/performance.md).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Slugs(Vec<String>);

impl Slugs {
    pub fn new() -> Self {
        Self::default()
    }

    /// A set of one slug.
    pub fn one(slug: String) -> Self {
        Slugs(vec![slug])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    fn find(&self, slug: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|s| s.as_str().cmp(slug))
    }

    pub fn contains(&self, slug: &str) -> bool {
        self.find(slug).is_ok()
    }

    /// Adds `slug`; false when it was there already.
    pub fn insert(&mut self, slug: String) -> bool {
        match self.find(&slug) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, slug);
                true
            }
        }
    }

    /// Takes `slug` out; false when it was not there.
    pub fn remove(&mut self, slug: &str) -> bool {
        match self.find(slug) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The smallest slug.
    pub fn first(&self) -> Option<&String> {
        self.0.first()
    }

    /// The slugs in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }
}

impl FromIterator<String> for Slugs {
    fn from_iter<I: IntoIterator<Item = String>>(items: I) -> Self {
        let mut v: Vec<String> = items.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Slugs(v)
    }
}

impl<'a> IntoIterator for &'a Slugs {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Slugs;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Any sequence of inserts and removes leaves the same slugs, in the same order,
        /// as a BTreeSet given the same sequence.
        #[test]
        fn behaves_as_a_btreeset(ops in proptest::collection::vec((any::<bool>(), "[a-e]{0,2}"), 0..40)) {
            let mut ours = Slugs::new();
            let mut reference = BTreeSet::new();
            for (add, slug) in ops {
                if add {
                    prop_assert_eq!(ours.insert(slug.clone()), reference.insert(slug.clone()));
                } else {
                    prop_assert_eq!(ours.remove(&slug), reference.remove(&slug));
                }
                prop_assert_eq!(ours.contains(&slug), reference.contains(&slug));
                prop_assert_eq!(ours.len(), reference.len());
                prop_assert_eq!(ours.first(), reference.first());
                prop_assert!(ours.iter().eq(reference.iter()));
            }
        }

        #[test]
        fn collecting_sorts_and_drops_repeats(items in proptest::collection::vec("[a-e]{1,2}", 0..20)) {
            let ours: Slugs = items.iter().cloned().collect();
            let reference: BTreeSet<String> = items.into_iter().collect();
            prop_assert!(ours.iter().eq(reference.iter()));
        }
    }
}
