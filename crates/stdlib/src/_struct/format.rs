//! Parsing `struct` format strings: the byte order prefix, then codes with repeat
//! counts, laid out with native alignment (`@`) or packed standard sizes (`=<>!`).

/// Byte order and size mode of a format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `@`: native order, native sizes and alignment.
    Native,
    Little,
    Big,
}

impl Order {
    pub fn little(self) -> bool {
        match self {
            Order::Native => cfg!(target_endian = "little"),
            Order::Little => true,
            Order::Big => false,
        }
    }
}

/// One code of a format with its repeat count, at its offset in the packed bytes.
#[derive(Clone, Copy)]
pub struct Field {
    pub code: u8,
    /// Items for most codes; the byte length for `s` and `p` (one item); pad bytes
    /// for `x` (no item).
    pub count: usize,
    /// Bytes of one item (of the whole string for `s`/`p`).
    pub size: usize,
    pub offset: usize,
}

impl Field {
    /// How many Python values this field packs or unpacks.
    pub fn items(&self) -> usize {
        match self.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => self.count,
        }
    }
}

/// A parsed format.
pub struct Format {
    pub order: Order,
    pub fields: Vec<Field>,
    pub size: usize,
    pub items: usize,
}

/// Why a format is invalid (struct.error's messages).
pub enum FormatError {
    BadChar,
    CountWithoutCode,
    TooLong,
}

impl FormatError {
    pub fn message(&self) -> &'static str {
        match self {
            FormatError::BadChar => "bad char in struct format",
            FormatError::CountWithoutCode => "repeat count given without format specifier",
            FormatError::TooLong => "total struct size too long",
        }
    }
}

/// Size and alignment of `code` in `order`, or `None` for an unknown code.
fn size_align(code: u8, order: Order) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'F' => 8,
        b'D' => 16,
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    };
    let align = match code {
        _ if !native => 1,
        b'F' => 4,
        b'D' => 8,
        _ => size,
    };
    Some((size, align))
}

/// Parse `text` (whitespace between codes is ignored).
pub fn parse(text: &[u8]) -> Result<Format, FormatError> {
    let (order, body) = match text.first() {
        Some(b'@') => (Order::Native, &text[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &text[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &text[1..]),
        _ => (Order::Native, text),
    };
    let order = match text.first() {
        Some(b'=') if cfg!(target_endian = "big") => Order::Big,
        _ => order,
    };
    let mut fields = Vec::new();
    let (mut size, mut items) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while let Some(d) = body.get(i).filter(|d| d.is_ascii_digit()) {
            let n = count.unwrap_or(0);
            count = Some(
                n.checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(d - b'0')))
                    .ok_or(FormatError::TooLong)?,
            );
            i += 1;
        }
        let Some(&code) = body.get(i) else {
            return Err(FormatError::CountWithoutCode);
        };
        i += 1;
        let (item_size, align) = size_align(code, order).ok_or(FormatError::BadChar)?;
        let count = count.unwrap_or(1);
        size = size
            .div_ceil(align)
            .checked_mul(align)
            .ok_or(FormatError::TooLong)?;
        let field = Field {
            code,
            count,
            size: if matches!(code, b's' | b'p') {
                count
            } else {
                item_size
            },
            offset: size,
        };
        let bytes = if matches!(code, b's' | b'p') {
            count
        } else {
            count.checked_mul(item_size).ok_or(FormatError::TooLong)?
        };
        size = size
            .checked_add(bytes)
            .filter(|s| *s <= isize::MAX as usize)
            .ok_or(FormatError::TooLong)?;
        items += field.items();
        fields.push(field);
    }
    Ok(Format {
        order,
        fields,
        size,
        items,
    })
}
