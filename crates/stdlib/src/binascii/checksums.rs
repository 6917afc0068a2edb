//! `crc32` (zlib's CRC-32) and `crc_hqx` (CRC-CCITT, as BinHex uses it).

/// CRC-32 (reflected polynomial 0xEDB88320) continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// CRC-CCITT (polynomial 0x1021, not reflected) continuing from `crc`.
pub fn crc_hqx(data: &[u8], crc: u16) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= u16::from(b) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(crc32(b"hello", 0), 907_060_870);
        assert_eq!(crc_hqx(b"hello", 0), 50018);
    }
}
