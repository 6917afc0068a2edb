//! Source positions of instructions (`co_positions()`), used by tracebacks to print the
//! source line and the `~~~^^^` underline, and by `co_lines()`.

/// Where an instruction comes from. Lines are 1-based; columns are 0-based UTF-8 byte
/// offsets, as CPython reports them. `None` fields mean "no location" (CPython's None).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceLocation {
    pub lineno: Option<u32>,
    pub end_lineno: Option<u32>,
    pub col_offset: Option<u32>,
    pub end_col_offset: Option<u32>,
}

impl SourceLocation {
    pub const NONE: SourceLocation = SourceLocation {
        lineno: None,
        end_lineno: None,
        col_offset: None,
        end_col_offset: None,
    };
}
