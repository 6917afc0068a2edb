//! The names of one module's symbol table, each stored once and referred to by a small
//! number: scopes key their symbols by it and the analysis copies sets of it, so that
//! a name is hashed as a string once per use in the source (to find its number) and
//! every later lookup, comparison and copy handles a `u32`.

use std::rc::Rc;

use crate::fast_hash::FastMap;

/// A name of the module, as an index into its `Names`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameId(u32);

/// Distinct names of a typical module: the tables start this large, as growing one
/// rehashes every name in it.
const TYPICAL_MODULE_NAMES: usize = 256;

/// The interned names: text by number and number by text.
#[derive(Debug)]
pub struct Names {
    texts: Vec<Rc<str>>,
    ids: FastMap<Rc<str>, NameId>,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            texts: Vec::with_capacity(TYPICAL_MODULE_NAMES),
            ids: FastMap::with_capacity_and_hasher(TYPICAL_MODULE_NAMES, Default::default()),
        }
    }
}

impl Names {
    /// The number of `name`, given on its first use.
    pub fn intern(&mut self, name: &str) -> NameId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        // A module has far fewer than 2**32 distinct names (its source would be larger
        // than the parser accepts).
        let id = NameId(self.texts.len() as u32);
        let text: Rc<str> = Rc::from(name);
        self.texts.push(text.clone());
        self.ids.insert(text, id);
        id
    }

    /// The number of `name`, if the module uses it.
    pub fn id_of(&self, name: &str) -> Option<NameId> {
        self.ids.get(name).copied()
    }

    /// The text of `id`, shared (code objects keep it without copying).
    pub fn text(&self, id: NameId) -> &Rc<str> {
        // Ids are only made by `intern` of this table.
        &self.texts[id.0 as usize]
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
        }
        assert_eq!(names.id_of("absent"), None);
    }
}
