//! The interpreter's table of interned strings (CPython's `interned` dict): one str
//! object per distinct identifier, so that namespace lookups by name usually match on
//! identity.
//!
//! The table is keyed by the string's own Python hash, as CPython's dict of interned
//! strings is: keyed SipHash-1-3 with the process secret (`PYTHONHASHSEED`), so chosen
//! strings cannot be made to collide, and the hash is computed once per lookup. A new
//! entry's str object starts with that hash cached, so using it as a dict key later
//! does not hash it again either.

use std::collections::HashMap;
use std::rc::Rc;

use adder_compiler::fast_hash::FastMap;

use crate::objects::str::hash_str;
use crate::protocol::attr::name_str;
use crate::value::Value;

/// The interned strs, by text.
#[derive(Default)]
pub struct InternTable {
    /// Interned strs by their Python hash (already keyed: the map's own hash of it only
    /// has to spread it).
    by_hash: FastMap<u64, Value>,
    /// The strings whose hash equals that of a different string already in `by_hash`
    /// (never by chance in practice; on purpose only under a known `PYTHONHASHSEED`).
    colliding: HashMap<Rc<str>, Value>,
}

impl InternTable {
    /// The interned str for `text`, made by `make(text, hash)` when `text` is new.
    pub fn get_or_insert(&mut self, text: &str, make: impl FnOnce(&str, i64) -> Value) -> Value {
        let hash = hash_str(text);
        let key = hash as u64;
        match self.by_hash.get(&key) {
            Some(v) if name_str(v) == text => v.clone(),
            Some(_) => self
                .colliding
                .entry(Rc::from(text))
                .or_insert_with(|| make(text, hash))
                .clone(),
            None => self.by_hash.entry(key).or_insert(make(text, hash)).clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::value::Value;
    use crate::vm::Vm;

    fn same_object(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Obj(a), Value::Obj(b)) => std::rc::Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    #[test]
    fn one_object_per_text_with_its_hash_cached() {
        let vm = Vm::new(Default::default());
        let a = vm.intern("spam_name");
        let b = vm.intern(&String::from("spam_name"));
        let c = vm.intern("eggs_name");
        assert!(same_object(&a, &b));
        assert!(!same_object(&a, &c));
        let text = a.as_obj().and_then(|o| o.as_str()).map(|s| s.hash());
        assert_eq!(text, Some(crate::objects::str::hash_str("spam_name")));
    }
}
