//! The names of one module's symbol table, each stored once and referred to by a small
//! number: scopes key their symbols by it and the analysis copies sets of it, so that
//! a name is hashed as a string once per use in the source (to find its number) and
//! every later lookup, comparison and copy handles a `u32`.

use std::rc::Rc;

use crate::fast_hash::text_tag;
use crate::hash_index::HashIndex;

/// A name of the module, as an index into its `Names`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameId(u32);

/// Distinct names of a typical module: the tables start this large, as growing one
/// reinserts every name in it.
const TYPICAL_MODULE_NAMES: usize = 256;

/// The interned names: text and hash tag by number, number by text.
#[derive(Debug)]
pub struct Names {
    texts: Vec<Rc<str>>,
    /// The [`text_tag`] of each name, which the code generator's name tables reuse.
    tags: Vec<u32>,
    ids: HashIndex,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            texts: Vec::with_capacity(TYPICAL_MODULE_NAMES),
            tags: Vec::with_capacity(TYPICAL_MODULE_NAMES),
            ids: HashIndex::with_capacity(TYPICAL_MODULE_NAMES),
        }
    }
}

impl Names {
    /// The number of `name`, given on its first use.
    pub fn intern(&mut self, name: &str) -> NameId {
        let tag = text_tag(name);
        if let Some(id) = self.find(tag, name) {
            return id;
        }
        // A module has far fewer than 2**32 distinct names (its source would be larger
        // than the parser accepts).
        let id = self.texts.len() as u32;
        self.texts.push(Rc::from(name));
        self.tags.push(tag);
        self.ids.insert(tag, id);
        NameId(id)
    }

    /// The number of `name`, if the module uses it.
    pub fn id_of(&self, name: &str) -> Option<NameId> {
        self.find(text_tag(name), name)
    }

    #[inline]
    fn find(&self, tag: u32, name: &str) -> Option<NameId> {
        self.ids
            .find(tag, |id| *self.texts[id as usize] == *name)
            .map(NameId)
    }

    /// The text of `id`, shared (code objects keep it without copying).
    pub fn text(&self, id: NameId) -> &Rc<str> {
        // Ids are only made by `intern` of this table.
        &self.texts[id.0 as usize]
    }

    /// The [`text_tag`] of `id`'s text.
    pub fn tag(&self, id: NameId) -> u32 {
        self.tags[id.0 as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_numbers_across_growth() {
        let mut names = Names::default();
        let texts: Vec<String> = (0..2000).map(|i| format!("name{i}")).collect();
        let ids: Vec<NameId> = texts.iter().map(|t| names.intern(t)).collect();
        for (text, &id) in texts.iter().zip(&ids) {
            assert_eq!(names.intern(text), id);
            assert_eq!(names.id_of(text), Some(id));
            assert_eq!(&**names.text(id), text.as_str());
            assert_eq!(names.tag(id), text_tag(text));
        }
        assert_eq!(names.id_of("absent"), None);
    }
}
