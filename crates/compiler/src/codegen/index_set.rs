//! An insertion-ordered set of names with their indexes (CPython's name→index dicts
//! `u_names`, `u_varnames`, `u_cellvars`, `u_freevars`), which becomes a name tuple of
//! the code object.
//!
//! Names are found by their [`text_tag`] and text. Most arrive with their symbol-table
//! number (`add_interned`): their tag is the one the symbol table computed, and their
//! text is the symbol table's shared one, which the stored name usually is, so that the
//! comparison ends on identity.

use std::rc::Rc;

use crate::fast_hash::{same_text, text_tag};
use crate::hash_index::HashIndex;
use crate::symtable::{Name, NameId, Names};

#[derive(Default, Debug, Clone)]
pub struct IndexSet {
    /// The names, shared: one allocation per distinct name, which the code object keeps.
    pub items: Vec<Rc<str>>,
    /// Text → index in `items`.
    index: HashIndex,
}

impl IndexSet {
    /// Room for `capacity` names before the index grows (and reinserts them).
    pub fn with_capacity(capacity: usize) -> IndexSet {
        IndexSet {
            items: Vec::with_capacity(capacity),
            index: HashIndex::with_capacity(capacity),
        }
    }

    /// The set of `names` (distinct), in their order.
    pub fn of_shared(names: &[Name]) -> IndexSet {
        let mut set = IndexSet::with_capacity(names.len());
        for name in names {
            set.add_tagged(text_tag(name), name, || name.clone());
        }
        set
    }

    /// The index of `name`, added at the end if it is new.
    pub fn add(&mut self, name: &str) -> u32 {
        self.add_tagged(text_tag(name), name, || Rc::from(name))
    }

    /// As `add` for a name the symbol table knows as `id` (`None`: a name it never saw),
    /// whose text is `name`.
    pub fn add_interned(&mut self, names: &Names, id: Option<NameId>, name: &str) -> u32 {
        let Some(id) = id else {
            return self.add(name);
        };
        let text = names.text(id);
        self.add_tagged(names.tag(id), text, || text.clone())
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.find(text_tag(name), name)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    fn find(&self, tag: u32, name: &str) -> Option<u32> {
        self.index
            .find(tag, |i| same_text(&self.items[i as usize], name))
    }

    #[inline]
    fn add_tagged(&mut self, tag: u32, name: &str, shared: impl FnOnce() -> Rc<str>) -> u32 {
        if let Some(i) = self.find(tag, name) {
            return i;
        }
        // A code object has far fewer than 2**32 names (its source would be larger than
        // the parser accepts).
        let i = self.items.len() as u32;
        self.items.push(shared());
        self.index.insert(tag, i);
        i
    }
}
