//! Dense typed indices (after Cranelift's `cranelift-entity`).
//!
//! An entity id is a `u32` newtype made with [`entity!`]. A [`PrimaryMap`] allocates ids in
//! order and owns the data; a [`SecondaryMap`] attaches facts to existing ids with a default
//! value. Ids are `Copy + Ord + Hash`, so iteration order is always the allocation order and
//! output never depends on hashing.

use std::marker::PhantomData;

/// A typed index into a [`PrimaryMap`].
pub trait EntityRef: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug {
    /// Builds the id with index `index`.
    fn new(index: usize) -> Self;
    /// The dense index of this id.
    fn index(self) -> usize;
}

/// Declares an entity id type: `entity!(Block, "block");` displays as `block3`.
#[macro_export]
macro_rules! entity {
    ($(#[$attr:meta])* $name:ident, $prefix:expr) => {
        $(#[$attr])*
        #[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);
        impl $crate::entity::EntityRef for $name {
            fn new(index: usize) -> Self {
                $name(u32::try_from(index).expect("entity index overflows u32"))
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }
        impl $name {
            /// The id with number `n`, as written in the text format.
            pub fn from_u32(n: u32) -> Self {
                $name(n)
            }
            /// The number of this id, as written in the text format.
            pub fn as_u32(self) -> u32 {
                self.0
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(self, f)
            }
        }
    };
}

/// Owns entities of type `V`, allocating ids `K` densely from zero.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PrimaryMap<K: EntityRef, V> {
    elems: Vec<V>,
    _key: PhantomData<fn() -> K>,
}

impl<K: EntityRef, V> Default for PrimaryMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: EntityRef, V: std::fmt::Debug> std::fmt::Debug for PrimaryMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: EntityRef, V> PrimaryMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        PrimaryMap {
            elems: Vec::new(),
            _key: PhantomData,
        }
    }
    /// Adds `v` and returns its new id.
    pub fn push(&mut self, v: V) -> K {
        let k = K::new(self.elems.len());
        self.elems.push(v);
        k
    }
    /// The id the next `push` will return.
    pub fn next_key(&self) -> K {
        K::new(self.elems.len())
    }
    /// Number of entities.
    pub fn len(&self) -> usize {
        self.elems.len()
    }
    /// True when no entity has been allocated.
    pub fn is_empty(&self) -> bool {
        self.elems.is_empty()
    }
    /// True when `k` was allocated by this map.
    pub fn is_valid(&self, k: K) -> bool {
        k.index() < self.elems.len()
    }
    /// The entity `k`, if allocated.
    pub fn get(&self, k: K) -> Option<&V> {
        self.elems.get(k.index())
    }
    /// The entity `k`, mutably, if allocated.
    pub fn get_mut(&mut self, k: K) -> Option<&mut V> {
        self.elems.get_mut(k.index())
    }
    /// All ids in allocation order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = K> + ExactSizeIterator {
        (0..self.elems.len()).map(K::new)
    }
    /// All entities in allocation order.
    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.elems.iter()
    }
    /// All entities, mutably, in allocation order.
    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.elems.iter_mut()
    }
    /// `(id, entity)` pairs in allocation order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (K, &V)> + ExactSizeIterator {
        self.elems.iter().enumerate().map(|(i, v)| (K::new(i), v))
    }
    /// `(id, entity)` pairs, mutably, in allocation order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (K, &mut V)> {
        self.elems
            .iter_mut()
            .enumerate()
            .map(|(i, v)| (K::new(i), v))
    }
}

impl<K: EntityRef, V> std::ops::Index<K> for PrimaryMap<K, V> {
    type Output = V;
    fn index(&self, k: K) -> &V {
        &self.elems[k.index()]
    }
}

impl<K: EntityRef, V> std::ops::IndexMut<K> for PrimaryMap<K, V> {
    fn index_mut(&mut self, k: K) -> &mut V {
        &mut self.elems[k.index()]
    }
}

/// A side table: a value for every id, `default` for ids never written.
#[derive(Clone, Debug)]
pub struct SecondaryMap<K: EntityRef, V: Clone> {
    elems: Vec<V>,
    default: V,
    _key: PhantomData<fn() -> K>,
}

impl<K: EntityRef, V: Clone + Default> Default for SecondaryMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: EntityRef, V: Clone + Default> SecondaryMap<K, V> {
    /// An empty table whose default is `V::default()`.
    pub fn new() -> Self {
        Self::with_default(V::default())
    }
}

impl<K: EntityRef, V: Clone> SecondaryMap<K, V> {
    /// An empty table whose unset entries read as `default`.
    pub fn with_default(default: V) -> Self {
        SecondaryMap {
            elems: Vec::new(),
            default,
            _key: PhantomData,
        }
    }
    /// The entry for `k` (the default when never set).
    pub fn get(&self, k: K) -> &V {
        self.elems.get(k.index()).unwrap_or(&self.default)
    }
    /// Sets the entry for `k`.
    pub fn set(&mut self, k: K, v: V) {
        *self.entry(k) = v;
    }
    /// The entry for `k`, mutably, growing the table as needed.
    pub fn entry(&mut self, k: K) -> &mut V {
        if k.index() >= self.elems.len() {
            self.elems.resize(k.index() + 1, self.default.clone());
        }
        &mut self.elems[k.index()]
    }
}

impl<K: EntityRef, V: Clone> std::ops::Index<K> for SecondaryMap<K, V> {
    type Output = V;
    fn index(&self, k: K) -> &V {
        self.get(k)
    }
}

impl<K: EntityRef, V: Clone> std::ops::IndexMut<K> for SecondaryMap<K, V> {
    fn index_mut(&mut self, k: K) -> &mut V {
        self.entry(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    crate::entity!(Thing, "thing");

    #[test]
    fn primary_and_secondary_maps() {
        let mut things: PrimaryMap<Thing, &str> = PrimaryMap::new();
        let a = things.push("a");
        let b = things.push("b");
        assert_eq!(a.to_string(), "thing0");
        assert_eq!(things[b], "b");
        assert_eq!(things.keys().collect::<Vec<_>>(), vec![a, b]);
        let mut marks: SecondaryMap<Thing, u8> = SecondaryMap::new();
        marks[b] = 7;
        assert_eq!((marks[a], marks[b]), (0, 7));
        assert_eq!(Thing::from_u32(1), b);
        assert_eq!(b.as_u32(), 1);
    }
}
