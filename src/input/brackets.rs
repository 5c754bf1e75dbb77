//! Finds where a bracketed JSON value (`{…}` or `[…]`) ends, 64 bytes at a time: the hot loop of
//! the structural scan, which skips a diagnostic's `spans` and `children` this way.
//!
//! Each block becomes bit masks of its quotes, backslashes and brackets; quotes escaped by an odd
//! run of backslashes are dropped, a prefix XOR of the remaining quotes marks the bytes inside
//! strings, and only the brackets outside strings are counted. A block whose closing brackets
//! cannot bring the depth to zero is counted with two popcounts, without visiting its brackets.
//! Like the byte-wise skip it replaces, it counts `{`/`[` against `}`/`]` without pairing them;
//! what it skips must still parse with serde_json before anything reads inside it.

const BLOCK: usize = 64;

/// The length of the bracketed value `b` starts with (its closing bracket included), or `None`
/// when it does not end within `b`. `b[0]` must be `{` or `[`.
pub fn end_of_nested(b: &[u8]) -> Option<usize> {
    debug_assert!(matches!(b.first(), Some(b'{' | b'[')));
    let mut depth: u32 = 0;
    // All ones when the previous block ended inside a string.
    let mut in_string: u64 = 0;
    let mut offset = 0;
    while offset < b.len() {
        let block = &b[offset..b.len().min(offset + BLOCK)];
        let masks = Masks::of(block);
        let quotes = unescaped(masks.quotes, masks.backslashes, b, offset);
        let inside = prefix_xor(quotes) ^ in_string;
        in_string = 0u64.wrapping_sub(inside >> 63);
        let opens = masks.opens & !inside;
        let closes = masks.closes & !inside;
        if closes.count_ones() < depth {
            // The depth cannot reach zero in this block.
            depth = depth + opens.count_ones() - closes.count_ones();
        } else {
            let mut brackets = opens | closes;
            while brackets != 0 {
                let bit = brackets.trailing_zeros();
                brackets &= brackets - 1;
                if opens & (1 << bit) != 0 {
                    depth += 1;
                } else {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(offset + bit as usize + 1);
                    }
                }
            }
        }
        offset += BLOCK;
    }
    None
}

/// The positions of the bytes of interest in one block (bit `i` for byte `i`).
#[derive(Debug, Default, PartialEq, Eq)]
struct Masks {
    quotes: u64,
    backslashes: u64,
    /// `{` and `[`.
    opens: u64,
    /// `}` and `]`.
    closes: u64,
}

impl Masks {
    fn of(block: &[u8]) -> Masks {
        let mut full = [b' '; BLOCK];
        full[..block.len()].copy_from_slice(block);
        Masks::of_block(&full)
    }

    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    fn of_block(block: &[u8; BLOCK]) -> Masks {
        Masks::of_block_portable(block)
    }

    /// SSE2 (part of every x86-64 CPU): sixteen bytes compared at once.
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn of_block(block: &[u8; BLOCK]) -> Masks {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
            _mm_set1_epi8,
        };
        let mut masks = Masks::default();
        for (i, chunk) in block.chunks_exact(16).enumerate() {
            // SAFETY: the build enables SSE2 (the cfg above), so its intrinsics may run;
            // `chunk` is 16 readable bytes and `_mm_loadu_si128` needs no alignment.
            let [quotes, backslashes, opens, closes] = unsafe {
                let bytes = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                // `{` and `[` (and `}` and `]`) differ only in the 0x20 bit.
                let folded = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
                let positions = |v: __m128i, c: u8| {
                    let equal = _mm_cmpeq_epi8(v, _mm_set1_epi8(c.cast_signed()));
                    // One bit per byte, in the low 16 bits.
                    u64::from(_mm_movemask_epi8(equal).cast_unsigned() & 0xffff)
                };
                [
                    positions(bytes, b'"'),
                    positions(bytes, b'\\'),
                    positions(folded, b'{'),
                    positions(folded, b'}'),
                ]
            };
            let at = 16 * i;
            masks.quotes |= quotes << at;
            masks.backslashes |= backslashes << at;
            masks.opens |= opens << at;
            masks.closes |= closes << at;
        }
        masks
    }

    /// Byte by byte, where SSE2 is not there (and in tests, to check the SSE2 version).
    #[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
    fn of_block_portable(block: &[u8; BLOCK]) -> Masks {
        let mut masks = Masks::default();
        for (i, &c) in block.iter().enumerate() {
            masks.quotes |= u64::from(c == b'"') << i;
            masks.backslashes |= u64::from(c == b'\\') << i;
            masks.opens |= u64::from(c | 0x20 == b'{') << i;
            masks.closes |= u64::from(c | 0x20 == b'}') << i;
        }
        masks
    }
}

/// The quotes that are not escaped: a quote right after a backslash (rare outside of `rendered`
/// texts) is escaped when an odd run of backslashes precedes it, counted in `b` itself so runs
/// that cross blocks count right.
fn unescaped(mut quotes: u64, backslashes: u64, b: &[u8], offset: usize) -> u64 {
    let before = offset
        .checked_sub(1)
        .map_or(0, |i| u64::from(b[i] == b'\\'));
    let mut suspects = quotes & (backslashes << 1 | before);
    while suspects != 0 {
        let bit = suspects.trailing_zeros();
        suspects &= suspects - 1;
        let at = offset + bit as usize;
        let run = b[..at].iter().rev().take_while(|&&c| c == b'\\').count();
        if run % 2 == 1 {
            quotes &= !(1 << bit);
        }
    }
    quotes
}

/// Bit `i` is the XOR of bits `0..=i`: set from an opening quote up to its closing one.
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-at-a-time reference: a quote preceded by an odd run of backslashes is escaped
    /// (inside strings, the only place valid JSON has backslashes), the others open or close a
    /// string, brackets count outside strings.
    fn reference(b: &[u8]) -> Option<usize> {
        let mut depth = 0u32;
        let mut in_string = false;
        for (i, &c) in b.iter().enumerate() {
            let run = b[..i].iter().rev().take_while(|&&c| c == b'\\').count();
            match c {
                b'"' if run % 2 == 0 => in_string = !in_string,
                _ if in_string => {}
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    }

    #[test]
    fn ends_where_json_says() {
        for (json, end) in [
            (&br#"{}"#[..], Some(2)),
            (br#"[1,[2],{"a":"]}"}] rest"#, Some(18)),
            (br#"{"a":"\"}"} x"#, Some(11)),
            (br#"{"a":"\\"} x"#, Some(10)),
            (br#"{"a":"\\\"}"} x"#, Some(13)),
            (br#"{"a":[1,2"#, None),
            (br#"{"a":"}"#, None),
        ] {
            assert_eq!(
                end_of_nested(json),
                end,
                "{}",
                String::from_utf8_lossy(json)
            );
            assert_eq!(reference(json), end, "{}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn escapes_and_strings_that_cross_blocks() {
        for pad in 0..140 {
            let mut json = b"{\"k\":\"".to_vec();
            json.extend(std::iter::repeat_n(b'x', pad));
            json.extend_from_slice(br#"\\\"]}\\"} tail"#);
            assert_eq!(end_of_nested(&json), reference(&json), "pad {pad}");
            assert!(end_of_nested(&json).is_some());
        }
    }

    proptest! {
        #[test]
        fn vector_and_portable_masks_agree(
            block in proptest::collection::vec(
                prop_oneof![any::<u8>(), proptest::sample::select(&b"\"\\{}[]"[..])],
                BLOCK,
            ),
        ) {
            let block: [u8; BLOCK] = block.try_into().unwrap();
            prop_assert_eq!(Masks::of_block(&block), Masks::of_block_portable(&block));
        }

        #[test]
        fn agrees_with_the_byte_wise_skip(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(&b"{"[..]), Just(&b"}"[..]), Just(&b"["[..]), Just(&b"]"[..]),
                    Just(&b"\""[..]), Just(&b"\\"[..]), Just(&b"\\\\"[..]), Just(&b"a"[..]),
                    Just(&b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"[..]), Just(&b":,"[..]),
                ],
                0..120,
            ),
            open in prop_oneof![Just(b'{'), Just(b'[')],
        ) {
            let mut json = vec![open];
            for part in parts {
                json.extend_from_slice(part);
            }
            prop_assert_eq!(end_of_nested(&json), reference(&json));
        }

        #[test]
        fn finds_the_end_of_any_json_array(
            strings in proptest::collection::vec("[\\\\\"{}\\[\\]a-z ]{0,80}", 0..20),
        ) {
            let value = serde_json::json!([strings, {"nested": [strings]}]);
            let mut json = serde_json::to_vec(&value).unwrap();
            let len = json.len();
            json.extend_from_slice(b", \"after\": ]");
            prop_assert_eq!(end_of_nested(&json), Some(len));
        }
    }
}
