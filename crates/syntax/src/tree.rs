//! The AST as a generic tree of named nodes, fields and leaves, in CPython's field
//! order: what `ast.dump` formats and `compile(tree)`'s checks read. Built by walking
//! the AST with `tree_walk` (the one description of every node kind).

use crate::ast::{Constant, Mod, Range};
use crate::tree_walk::{walk_mod, NodeShape, TreeSink};

/// A node, a list or a leaf of the tree.
#[derive(Debug)]
pub enum AstValue<'a> {
    /// An AST node: its class name, its `_fields` in order with their values, and
    /// its position (`_attributes`) when it has one.
    Node {
        name: &'static str,
        fields: Vec<(&'static str, AstValue<'a>)>,
        range: Option<Range>,
    },
    List(Vec<AstValue<'a>>),
    /// An identifier or string field.
    Str(&'a str),
    /// An int field (`level`, `simple`, `is_async`, `conversion`, `lineno`).
    Int(i64),
    /// `Constant.value` and `MatchSingleton.value`.
    Constant(&'a Constant),
    /// None: an absent optional field, or a None item of a list (`kw_defaults`).
    Absent,
}

/// Deepest nesting converted; deeper subtrees become `Absent` and mark the conversion
/// as failed (see `mod_tree_checked`). The parser caps each operator chain at 20,000
/// links but chains nested in parentheses multiply, and the walk's recursion must not
/// overflow the stack. As the compiler's limit: CPython also refuses (with
/// RecursionError) trees it cannot compile.
const MAX_DEPTH: usize = 30_000;

/// The tree of `m`, or `None` when it nests deeper than `MAX_DEPTH` (where CPython
/// raises RecursionError).
pub fn mod_tree_checked(m: &Mod) -> Option<AstValue<'_>> {
    let mut builder = Builder::default();
    let complete = walk_mod(m, &mut builder, MAX_DEPTH);
    complete.then(|| builder.finish())
}

/// The tree of `m`. Subtrees nested deeper than `MAX_DEPTH` are cut off (as
/// `Absent`): use `mod_tree_checked` to learn about that.
pub fn mod_tree(m: &Mod) -> AstValue<'_> {
    let mut builder = Builder::default();
    walk_mod(m, &mut builder, MAX_DEPTH);
    builder.finish()
}

/// Builds `AstValue`s bottom-up from a walk.
#[derive(Default)]
struct Builder<'a> {
    stack: Vec<AstValue<'a>>,
}

impl<'a> Builder<'a> {
    /// The root: the one value left when the walk is over.
    fn finish(mut self) -> AstValue<'a> {
        self.stack.pop().unwrap_or(AstValue::Absent)
    }

    fn take_last(&mut self, len: usize) -> std::vec::Drain<'_, AstValue<'a>> {
        let start = self.stack.len().saturating_sub(len);
        self.stack.drain(start..)
    }
}

impl<'a> TreeSink<'a> for Builder<'a> {
    fn str(&mut self, s: &'a str) {
        self.stack.push(AstValue::Str(s));
    }

    fn int(&mut self, n: i64) {
        self.stack.push(AstValue::Int(n));
    }

    fn constant(&mut self, c: &'a Constant) {
        self.stack.push(AstValue::Constant(c));
    }

    fn absent(&mut self) {
        self.stack.push(AstValue::Absent);
    }

    fn list(&mut self, len: usize) {
        let items = self.take_last(len).collect();
        self.stack.push(AstValue::List(items));
    }

    fn node(&mut self, shape: &'static NodeShape, range: Option<Range>) {
        let fields = shape
            .fields
            .iter()
            .copied()
            .zip(self.take_last(shape.fields.len()))
            .collect();
        self.stack.push(AstValue::Node {
            name: shape.name,
            fields,
            range,
        });
    }
}
