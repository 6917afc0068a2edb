//! Base64 encoding and decoding as `binascii.b2a_base64`/`a2b_base64`, including
//! CPython's lenient default mode and the checks of `strict_mode=True`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encode `data`, with a trailing newline when asked.
pub fn encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |k: u32| ALPHABET[((n >> (18 - 6 * k)) & 0x3f) as usize];
        out.push(sextet(0));
        out.push(sextet(1));
        out.push(if chunk.len() > 1 { sextet(2) } else { b'=' });
        out.push(if chunk.len() > 2 { sextet(3) } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Why decoding failed: the text of `binascii.Error`.
pub type DecodeError = String;

/// Decode `data`. Lenient mode skips characters outside the alphabet and padding in
/// the middle; strict mode refuses them.
pub fn decode(data: &[u8], strict: bool) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad_pos, mut pads, mut data_chars) = (0u32, 0u32, 0usize);
    let mut left: u32 = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            if strict && i == 0 {
                return Err("Leading padding not allowed".into());
            }
            if strict && quad_pos == 0 {
                return Err("Excess padding not allowed".into());
            }
            padding_started = true;
            pads += 1;
            if strict && quad_pos >= 2 && quad_pos + pads >= 4 {
                return match data.get(i + 1) {
                    None => Ok(out),
                    Some(b'=') => Err("Excess padding not allowed".into()),
                    Some(_) => Err("Excess data after padding".into()),
                };
            }
            continue;
        }
        let Some(v) = sextet(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        data_chars += 1;
        let v = u32::from(v);
        match quad_pos {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({data_chars}) cannot be 1 more than a multiple of 4"
        )),
        _ if quad_pos + pads >= 4 => Ok(out),
        _ => Err("Incorrect padding".into()),
    }
}
