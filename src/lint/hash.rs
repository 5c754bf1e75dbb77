//! The lint cache's 64-bit hash: of a file's contents (is it the file the cache knows?), of a
//! module's names (did what an import resolves to change?), and of the cache file itself (is it
//! whole?). Sixteen bytes per step, mixed by a 64×64→128-bit multiply folded to 64 bits (the
//! wyhash construction). Not cryptographic: it tells apart versions of a file, not an attacker's
//! collisions; and, unlike `std`'s `DefaultHasher`, its values never change between builds.

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

fn word(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

/// The hash of a byte string.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = K0 ^ mix(bytes.len() as u64 ^ K1, K2);
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        h = mix(word(&chunk[..8]) ^ K1 ^ h, word(&chunk[8..]) ^ K2);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let (a, b) = rest.split_at(rest.len().min(8));
        h = mix(word(a) ^ K1 ^ h, word(b) ^ K2);
    }
    mix(h ^ K0, bytes.len() as u64 ^ K1)
}

/// Hashes a sequence of values, each framed by its length, so that `["ab", "c"]` and
/// `["a", "bc"]` differ.
#[derive(Default)]
pub struct Hasher {
    bytes: Vec<u8>,
}

impl Hasher {
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.u64(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
        self
    }

    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.bytes.extend_from_slice(&n.to_le_bytes());
        self
    }

    pub fn finish(&self) -> u64 {
        hash(&self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_and_the_length_count() {
        let base = b"pub async fn pause() { std::thread::sleep(d); }\n".to_vec();
        let h = hash(&base);
        assert_eq!(h, hash(&base.clone()), "deterministic");
        for i in 0..base.len() {
            let mut changed = base.clone();
            changed[i] ^= 1;
            assert_ne!(hash(&changed), h, "byte {i}");
        }
        assert_ne!(hash(&base[..base.len() - 1]), h);
        assert_ne!(hash(b""), hash(b"\0"));
        assert_ne!(hash(&[0; 16]), hash(&[0; 17]));
        // Two 16-byte blocks swapped.
        let swapped: Vec<u8> = base[16..32]
            .iter()
            .chain(&base[..16])
            .chain(&base[32..])
            .copied()
            .collect();
        assert_ne!(hash(&swapped), h);
    }

    #[test]
    fn values_are_framed() {
        let a = Hasher::default().str("ab").str("c").finish();
        let b = Hasher::default().str("a").str("bc").finish();
        assert_ne!(a, b);
    }

    #[test]
    fn values_are_stable_across_builds() {
        // A cache written by one build is read by the next: the function must not change.
        assert_eq!(hash(b"async-explain"), 0x659e_8688_8d3a_03ac);
    }
}
