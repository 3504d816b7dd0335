//! The saved state's bytes as they are written: a list of blocks, each filled before the next
//! is started, handed on as soon as they are full ([`Blocks::hand_on_full`]). Growing never
//! copies what is written (a `Vec` doubling would hold the old and the new buffer at once, then
//! up to twice the bytes), and the state never sits whole in memory: WebAssembly memory never
//! shrinks, so a state built whole there would keep its size for the rest of the session.

/// The largest block: at most this much is allocated and not written yet.
const BLOCK: usize = 1 << 20;

/// The smallest block: a small state takes little room.
const FIRST: usize = 4096;

/// Bytes in blocks, in order.
#[derive(Debug, Default)]
pub struct Blocks {
    blocks: Vec<Vec<u8>>,
    /// Bytes written, those handed on included.
    len: usize,
}

impl Blocks {
    /// How many bytes are written, those handed on included.
    pub fn len(&self) -> usize {
        self.len
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

    /// Hands every full block to `sink`, in order, and frees it: what is left is the block
    /// being written.
    pub fn hand_on_full(&mut self, sink: &mut dyn FnMut(&[u8])) {
        let full = self.blocks.len().saturating_sub(1);
        for block in self.blocks.drain(..full) {
            sink(&block);
        }
    }

    /// Hands every block to `sink`, in order, and frees it.
    pub fn hand_on_all(&mut self, sink: &mut dyn FnMut(&[u8])) {
        for block in self.blocks.drain(..) {
            sink(&block);
        }
    }

    /// Every byte not handed on yet, in one buffer.
    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<u8> {
        self.blocks.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_hand_on_what_was_written_in_order_as_they_fill() {
        let mut blocks = Blocks::default();
        let (mut expected, mut handed) = (Vec::new(), Vec::new());
        for i in 0..3 * BLOCK / 7 {
            let byte = (i % 251) as u8;
            if i % 3 == 0 {
                blocks.push(byte);
                expected.push(byte);
            } else {
                blocks.extend_from_slice(&[byte; 7]);
                expected.extend_from_slice(&[byte; 7]);
            }
            blocks.hand_on_full(&mut |b| handed.extend_from_slice(b));
            assert!(blocks.blocks.len() <= 1, "one block held");
        }
        assert!(handed.len() > BLOCK, "several blocks handed on");
        assert_eq!(blocks.len(), expected.len());
        assert_eq!([handed.clone(), blocks.to_vec()].concat(), expected);
        blocks.hand_on_all(&mut |b| handed.extend_from_slice(b));
        assert_eq!(handed, expected);
        assert!(blocks.to_vec().is_empty());
        assert_eq!(blocks.len(), expected.len());
    }
}
