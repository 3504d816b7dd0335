//! The saved state's bytes as they are written: a list of blocks, each filled before the next
//! is started. Growing never copies what is written (a `Vec` doubling would hold the old and
//! the new buffer at once, then up to twice the bytes), and the caller hands the blocks on one
//! by one ([`Blocks::into_blocks`]): WebAssembly memory never shrinks, so the state is never
//! held twice in it.

/// The largest block: at most this much is allocated and not written yet.
const BLOCK: usize = 1 << 20;

/// The smallest block: a small state takes little room.
const FIRST: usize = 4096;

/// Bytes in blocks, in order.
#[derive(Debug, Default)]
pub struct Blocks {
    blocks: Vec<Vec<u8>>,
    len: usize,
}

impl Blocks {
    /// How many bytes are written.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing is written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends one byte.
    #[inline]
    pub fn push(&mut self, byte: u8) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < block.capacity() => {
                block.push(byte);
                self.len += 1;
            }
            _ => self.extend_from_slice(&[byte]),
        }
    }

    /// Appends `bytes`, filling the last block before starting another.
    pub fn extend_from_slice(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let block = match self.blocks.last_mut() {
                Some(block) if block.len() < block.capacity() => block,
                _ => {
                    // Twice the bytes so far, up to a block.
                    let size = self.len.clamp(FIRST, BLOCK);
                    self.blocks.push(Vec::with_capacity(size));
                    let Some(block) = self.blocks.last_mut() else {
                        return;
                    };
                    block
                }
            };
            let n = (block.capacity() - block.len()).min(bytes.len());
            block.extend_from_slice(&bytes[..n]);
            self.len += n;
            bytes = &bytes[n..];
        }
    }

    /// Appends every byte of `other`.
    pub fn append(&mut self, other: Blocks) {
        for block in other.blocks {
            self.extend_from_slice(&block);
        }
    }

    /// Overwrites the bytes at `at` with `bytes` (all written already: else nothing changes
    /// past the end).
    pub fn set(&mut self, mut at: usize, bytes: &[u8]) {
        let mut bytes = bytes.iter();
        for block in &mut self.blocks {
            if at >= block.len() {
                at -= block.len();
                continue;
            }
            for b in &mut block[at..] {
                match bytes.next() {
                    Some(&byte) => *b = byte,
                    None => return,
                }
            }
            at = 0;
        }
    }

    /// The blocks, in order: their bytes one after the other are what was written.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.blocks.iter().map(Vec::as_slice)
    }

    /// The blocks, in order, to be handed on and freed one by one.
    pub fn into_blocks(self) -> Vec<Vec<u8>> {
        self.blocks
    }

    /// Every byte, in one buffer.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        for block in self.iter() {
            out.extend_from_slice(block);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_hold_what_was_written_in_order_and_set_overwrites_across_blocks() {
        let mut blocks = Blocks::default();
        let mut expected = Vec::new();
        for i in 0..3 * BLOCK / 7 {
            let byte = (i % 251) as u8;
            if i % 3 == 0 {
                blocks.push(byte);
                expected.push(byte);
            } else {
                blocks.extend_from_slice(&[byte; 7]);
                expected.extend_from_slice(&[byte; 7]);
            }
        }
        assert!(blocks.iter().count() > 2, "several blocks");
        let mut tail = Blocks::default();
        tail.extend_from_slice(b"tail");
        blocks.append(tail);
        expected.extend_from_slice(b"tail");
        // Across the first block's end.
        let at = blocks.iter().next().map_or(0, <[u8]>::len) - 3;
        blocks.set(at, &[1, 2, 3, 4, 5, 6, 7, 8]);
        expected[at..at + 8].copy_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(blocks.len(), expected.len());
        assert_eq!(blocks.to_vec(), expected);
        assert_eq!(blocks.into_blocks().concat(), expected);
    }
}
