//! Recognising PEP 484 type comments (`# type: int`, `# type: ignore[code]`), as
//! CPython's tokenizer does when parsing with `type_comments=True`.

/// What a comment is, when type comments are being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeCommentKind {
    /// `# type: ignore...`: the tag (what follows `ignore`) starts at this offset.
    Ignore { tag_start: usize },
    /// `# type: X`: the type text starts at this offset.
    Comment { text_start: usize },
}

/// Classifies `comment` (from its `#` to the end of the line, newline excluded).
///
/// CPython matches the prefix `# type: ` where each space stands for any run of
/// spaces and tabs (possibly empty), so `#type:int` counts too. An ignore comment is
/// `ignore` followed by the end of the comment or by an ASCII character that is not
/// alphanumeric (`# type: ignored` is an ordinary type comment).
pub(crate) fn classify(comment: &[u8]) -> Option<TypeCommentKind> {
    const PREFIX: &[u8] = b"# type: ";
    let mut p = 0;
    let mut matched = 0;
    // CPython compares up to its position after the newline, so a space of the
    // prefix also matches (emptily) at the end of the comment.
    while matched < PREFIX.len() && (p < comment.len() || PREFIX[matched] == b' ') {
        let want = PREFIX[matched];
        if want == b' ' {
            while matches!(comment.get(p), Some(b' ' | b'\t')) {
                p += 1;
            }
        } else if comment[p] == want {
            p += 1;
        } else {
            break;
        }
        matched += 1;
    }
    if matched < PREFIX.len() {
        return None;
    }
    let rest = &comment[p..];
    let is_ignore = rest.starts_with(b"ignore")
        && rest
            .get(6)
            .is_none_or(|&next| next < 128 && !next.is_ascii_alphanumeric());
    Some(if is_ignore {
        TypeCommentKind::Ignore { tag_start: p + 6 }
    } else {
        TypeCommentKind::Comment { text_start: p }
    })
}

#[cfg(test)]
mod tests {
    use super::{classify, TypeCommentKind};

    #[test]
    fn prefixes_and_ignores() {
        assert_eq!(
            classify(b"# type: int"),
            Some(TypeCommentKind::Comment { text_start: 8 })
        );
        assert_eq!(
            classify(b"#type:int"),
            Some(TypeCommentKind::Comment { text_start: 6 })
        );
        assert_eq!(
            classify(b"# type:"),
            Some(TypeCommentKind::Comment { text_start: 7 })
        );
        assert_eq!(classify(b"# type"), None);
        assert_eq!(classify(b"# typo: int"), None);
        assert_eq!(
            classify(b"# type: ignore[x]"),
            Some(TypeCommentKind::Ignore { tag_start: 14 })
        );
        assert_eq!(
            classify(b"# type: ignored"),
            Some(TypeCommentKind::Comment { text_start: 8 })
        );
    }
}
