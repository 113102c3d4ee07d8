//! Finding the first byte of a kind in a long text, a block at a time.
//!
//! Every value a template prints and every passage of the search index is
//! searched for bytes to escape, and almost none holds one. Testing a block
//! of bytes without stopping at each one lets the compiler turn the test
//! into a few vector instructions; only the block that holds a wanted byte
//! is then searched byte by byte.

/// Bytes tested at once.
const BLOCK: usize = 32;

/// The position of the first byte of `bytes` for which `wanted` is true.
#[inline]
pub(crate) fn first(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    for block in bytes.chunks(BLOCK) {
        if block.iter().fold(false, |found, &b| found | wanted(b)) {
            return block.iter().position(|&b| wanted(b)).map(|i| at + i);
        }
        at += block.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The same position as a search that stops at each byte, wherever
        /// the wanted byte falls: before, on or after a block's edge.
        #[test]
        fn finds_what_a_plain_search_finds(
            bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b'b', b'<']), 0..200),
        ) {
            let plain = bytes.iter().position(|&b| b == b'<');
            proptest::prop_assert_eq!(first(&bytes, |b| b == b'<'), plain);
        }
    }

    #[test]
    fn positions_count_from_the_start_past_the_first_block() {
        let mut bytes = vec![b'a'; 100];
        bytes[70] = b'<';
        assert_eq!(first(&bytes, |b| b == b'<'), Some(70));
        assert_eq!(first(&bytes[..70], |b| b == b'<'), None);
    }
}
