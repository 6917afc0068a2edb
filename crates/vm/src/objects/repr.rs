//! Text forms shared by `repr()` and `ascii()`. The str/bytes quoting rules are the
//! syntax crate's (one implementation for `ast.dump`, `dis` and the VM).

pub use adder_syntax::repr::{bytes_repr, str_repr};

/// `ascii()`: the repr with every non-ASCII character escaped (a surrogate's
/// stand-in, inside a formatting scope, as that surrogate: `str_stand_in.rs`).
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = crate::objects::str_stand_in::code_point(c);
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}
