//! An insertion-ordered set of names with their indexes (CPython's name→index dicts
//! `u_names`, `u_varnames`, `u_cellvars`, `u_freevars`), which becomes a name tuple of
//! the code object.
//!
//! Most names arrive with their symbol-table number (`add_interned`) and are found by
//! it, without hashing their text; the text index is filled only when a name is added
//! by text, and a lookup by text scans the names not indexed yet.

use std::rc::Rc;

use crate::fast_hash::FastMap;
use crate::symtable::{Name, NameId, Names};

#[derive(Default, Debug, Clone)]
pub struct IndexSet {
    /// The names, shared: one allocation per distinct name, which the code object keeps.
    pub items: Vec<Rc<str>>,
    /// Text → index of `items[..indexed]`.
    by_text: FastMap<Rc<str>, u32>,
    indexed: usize,
    /// Symbol-table number → index of the names added by number.
    by_id: FastMap<NameId, u32>,
}

impl IndexSet {
    /// Room for `capacity` names before the tables grow (and rehash).
    pub fn with_capacity(capacity: usize) -> IndexSet {
        IndexSet {
            items: Vec::with_capacity(capacity),
            by_text: FastMap::default(),
            indexed: 0,
            by_id: FastMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    /// The set of `names` (distinct), in their order.
    pub fn of_shared(names: &[Name]) -> IndexSet {
        let mut set = IndexSet::with_capacity(names.len());
        for name in names {
            set.add_with(name, || name.clone());
        }
        set
    }

    /// The index of `name`, added at the end if it is new.
    pub fn add(&mut self, name: &str) -> u32 {
        self.add_with(name, || Rc::from(name))
    }

    /// As `add` for a name the symbol table knows as `id` (`None`: a name it never saw).
    pub fn add_interned(&mut self, names: &Names, id: Option<NameId>, name: &str) -> u32 {
        let Some(id) = id else {
            return self.add(name);
        };
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        // Added by text before? (Not among the unindexed names: those were all added
        // by number, and equal text is an equal number.)
        let known = if self.by_text.is_empty() {
            None
        } else {
            self.by_text.get(name).copied()
        };
        let i = known.unwrap_or_else(|| {
            self.items.push(names.text(id).clone());
            self.items.len() as u32 - 1
        });
        self.by_id.insert(id, i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        if let Some(&i) = self.by_text.get(name) {
            return Some(i);
        }
        let unindexed = self.items.get(self.indexed..).unwrap_or_default();
        let position = unindexed.iter().position(|item| **item == *name)?;
        Some((self.indexed + position) as u32)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    fn add_with(&mut self, name: &str, shared: impl FnOnce() -> Rc<str>) -> u32 {
        self.index_all();
        if let Some(&i) = self.by_text.get(name) {
            return i;
        }
        let i = self.items.len() as u32;
        let name = shared();
        self.items.push(name.clone());
        self.by_text.insert(name, i);
        self.indexed = self.items.len();
        i
    }

    /// Enter the names added by number into the text index.
    fn index_all(&mut self) {
        for (i, item) in self.items.iter().enumerate().skip(self.indexed) {
            self.by_text.insert(item.clone(), i as u32);
        }
        self.indexed = self.items.len();
    }
}
