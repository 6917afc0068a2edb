//! A pattern's compiled code together with what speeds up running it: for every
//! character set in the code, a 256-bit table of the characters below 256 it holds,
//! so that the common case is one bit test instead of interpreting the set.

use super::charset::in_charset;

pub struct Program {
    pub code: Vec<u32>,
    /// For each code position that starts a set body: 1 + its index in `tables`
    /// (0: no table).
    table_at: Vec<u32>,
    tables: Vec<[u64; 4]>,
}

impl Program {
    /// `code` with tables for the sets whose bodies start at `set_bodies`.
    pub fn new(code: Vec<u32>, set_bodies: &[usize]) -> Program {
        let mut table_at = vec![0; if set_bodies.is_empty() { 0 } else { code.len() }];
        let mut tables = Vec::with_capacity(set_bodies.len());
        for &body in set_bodies {
            let mut bits = [0u64; 4];
            for c in 0..256u32 {
                if in_charset(&code, body, c) {
                    bits[(c >> 6) as usize] |= 1 << (c & 63);
                }
            }
            if let Some(slot) = table_at.get_mut(body) {
                tables.push(bits);
                *slot = tables.len() as u32;
            }
        }
        Program {
            code,
            table_at,
            tables,
        }
    }

    /// Whether `c` is in the set whose body starts at `code[body]`.
    #[inline]
    pub fn in_set(&self, body: usize, c: u32) -> bool {
        if c < 256 {
            let slot = self.table_at.get(body).copied().unwrap_or(0) as usize;
            if let Some(bits) = slot.checked_sub(1).and_then(|i| self.tables.get(i)) {
                return bits[(c >> 6) as usize] >> (c & 63) & 1 != 0;
            }
        }
        in_charset(&self.code, body, c)
    }
}
