//! Native modules written in Rust (CPython writes these in C: `_io`, `math`, `itertools`,
//! `posix`, ...). The import system registers them; none are provided yet.
