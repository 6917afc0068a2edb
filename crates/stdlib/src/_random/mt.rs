//! The Mersenne Twister MT19937 (Matsumoto and Nishimura), seeded and read exactly as
//! CPython's `Modules/_randommodule.c` does, so that `random.seed(1); random.random()`
//! gives the same numbers.

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the position of the next one to temper.
#[derive(Clone)]
pub struct Mt19937 {
    pub state: [u32; N],
    pub index: usize,
}

/// The number of state words (`getstate()` returns these plus the index).
pub const STATE_WORDS: usize = N;

impl Mt19937 {
    /// `init_genrand(s)`.
    pub fn from_u32(s: u32) -> Mt19937 {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    /// `init_by_array(key)`: what seeding with an int does (its 32-bit words, least
    /// significant first, at least one).
    pub fn from_key(key: &[u32]) -> Mt19937 {
        let mut g = Mt19937::from_u32(19_650_218);
        let mt = &mut g.state;
        let key_len = key.len().max(1);
        let key_at = |j: usize| key.get(j).copied().unwrap_or(0);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key_len) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key_at(j))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key_len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    /// Regenerate the 624 words.
    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// `genrand_uint32()`: the next tempered word.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k > 0: little-endian bytes of `k` random bits, filled a
    /// 32-bit word at a time (the last word keeps its high bits), as CPython.
    ///
    /// `None` when the buffer cannot be allocated: `k` is the user's
    /// (`getrandbits(2**62)`), and CPython raises MemoryError there.
    pub fn random_bits(&mut self, k: usize) -> Option<Vec<u8>> {
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::new();
        out.try_reserve_exact(words.checked_mul(4)?).ok()?;
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.extend_from_slice(&r.to_le_bytes());
            left = left.saturating_sub(32);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference output of MT19937's authors for `init_by_array({0x123, 0x234,
    /// 0x345, 0x456})`: its first words.
    #[test]
    fn matches_reference_sequence() {
        let mut g = Mt19937::from_key(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| g.next_u32()).collect();
        assert_eq!(
            first,
            [
                1_067_595_299,
                955_945_823,
                477_289_528,
                4_107_218_783,
                4_228_976_476
            ]
        );
    }
}
