//! The byte level of the plugin's saved state: LEB128 varints, length-prefixed lists, and
//! strings and evidence lists written once and referred to by number after — or, for parts
//! read apart from the rest ([`Writer::refs`]), only referred to, their tables written apart.
//!
//! A [`Reader`] never trusts its bytes: a length longer than what is left, a varint past 64
//! bits, a reference to a string not read yet, bad UTF-8 or an unknown tag is a [`Malformed`]
//! error, never a panic or a huge allocation.

use super::blocks::Blocks;
use curator_core::review::Weight;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Bytes that are not a state this module wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// What reading returns.
pub type Read<T> = Result<T, Malformed>;

/// A value the saved state holds, written and read field by field.
pub trait Wire: Sized {
    /// Appends the value.
    fn put<'a>(&'a self, w: &mut Writer<'a>);
    /// Reads a value [`Wire::put`] wrote.
    fn take(r: &mut Reader) -> Read<Self>;
}

/// Bytes being written, with the strings and evidence lists written so far.
#[derive(Default)]
pub struct Writer<'a> {
    /// The bytes.
    pub out: Blocks,
    strings: FxHashMap<&'a str, u64>,
    /// Evidence lists by address: the warm state keeps one `Arc` per distinct list.
    evidence: FxHashMap<*const Weight, u64>,
    /// Set by [`Writer::refs`]: every string and evidence list by number only, kept in order
    /// here for [`Writer::tables`].
    refs: Option<(Vec<&'a str>, Vec<&'a [Weight]>)>,
}

impl<'a> Writer<'a> {
    /// A writer of strings and evidence lists by number only, even the first time: each part
    /// it writes reads back alone, given its tables ([`Writer::tables`], [`Reader::given`]).
    pub fn refs() -> Self {
        Writer {
            refs: Some(Default::default()),
            ..Writer::default()
        }
    }

    /// Appends the tables of what this [`Writer::refs`] wrote: every string, then every
    /// evidence list (its texts by number); handing each full block to `sink` as it goes.
    pub fn tables(&mut self, sink: &mut dyn FnMut(&[u8])) {
        let (strings, evidence) = self.refs.take().unwrap_or_default();
        self.varint(strings.len() as u64);
        for s in strings {
            self.varint(s.len() as u64);
            self.out.extend_from_slice(s.as_bytes());
            self.out.hand_on_full(sink);
        }
        self.varint(evidence.len() as u64);
        for list in evidence {
            self.varint(list.len() as u64);
            for weight in list {
                let factor = self.strings.get(&*weight.factor).copied().unwrap_or(0);
                self.varint(factor);
                self.out.extend_from_slice(&weight.bits.to_le_bytes());
                let words = self.strings.get(&*weight.words).copied().unwrap_or(0);
                self.varint(words);
            }
            self.out.hand_on_full(sink);
        }
    }

    /// The number of `s` in a [`Writer::refs`]' table, numbering it when it is new.
    fn number(&mut self, s: &'a str) -> u64 {
        let next = self.strings.len() as u64 + 1;
        *self.strings.entry(s).or_insert_with(|| {
            if let Some((order, _)) = &mut self.refs {
                order.push(s);
            }
            next
        })
    }

    /// Appends `v` as a LEB128 varint.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    /// Appends a string: its bytes the first time, its number (1-based) after.
    pub fn str(&mut self, s: &'a str) {
        if self.refs.is_some() {
            let n = self.number(s);
            return self.varint(n);
        }
        let next = self.strings.len() as u64 + 1;
        match self.strings.get(s) {
            Some(&n) => self.varint(n),
            None => {
                self.strings.insert(s, next);
                self.varint(0);
                self.varint(s.len() as u64);
                self.out.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Appends an evidence list: its weights the first time, its number (1-based) after.
    pub fn evidence(&mut self, list: &'a Arc<[Weight]>) {
        let next = self.evidence.len() as u64 + 1;
        if self.refs.is_some() && !list.is_empty() {
            let n = *self.evidence.entry(list.as_ptr()).or_insert(next);
            if n == next {
                for weight in list.iter() {
                    self.number(&weight.factor);
                    self.number(&weight.words);
                }
                if let Some((_, order)) = &mut self.refs {
                    order.push(list);
                }
            }
            return self.varint(n);
        }
        match self.evidence.get(&list.as_ptr()) {
            Some(&n) if !list.is_empty() => self.varint(n),
            _ => {
                if !list.is_empty() {
                    self.evidence.insert(list.as_ptr(), next);
                }
                self.varint(0);
                self.varint(list.len() as u64);
                for weight in list.iter() {
                    self.str(&weight.factor);
                    self.out.extend_from_slice(&weight.bits.to_le_bytes());
                    self.str(&weight.words);
                }
            }
        }
    }
}

/// Strings and evidence lists, numbered from 1 in order.
#[derive(Debug, Default)]
pub struct Tables {
    strings: Vec<Arc<str>>,
    evidence: Vec<Arc<[Weight]>>,
}

/// Bytes being read, with the strings and evidence lists given and read so far.
pub struct Reader<'b> {
    bytes: &'b [u8],
    /// Numbered first: the tables of a [`Writer::refs`].
    given: Arc<Tables>,
    read: Tables,
}

impl<'b> Reader<'b> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'b [u8]) -> Self {
        Reader::given(bytes, Arc::default())
    }

    /// A reader of what a [`Writer::refs`] wrote, given its tables.
    pub fn given(bytes: &'b [u8], tables: Arc<Tables>) -> Self {
        Reader {
            bytes,
            given: tables,
            read: Tables::default(),
        }
    }

    /// Tables [`Writer::tables`] wrote.
    pub fn tables(&mut self) -> Read<Tables> {
        let mut tables = Tables::default();
        let n = self.count()?;
        tables.strings.reserve(capacity(n));
        for _ in 0..n {
            let len = self.count()?;
            let text = std::str::from_utf8(self.bytes(len)?).map_err(|_| Malformed)?;
            tables.strings.push(Arc::from(text));
        }
        for _ in 0..self.count()? {
            let len = self.count()?;
            let mut list = Vec::with_capacity(capacity(len));
            for _ in 0..len {
                let factor = table(&tables.strings, self.varint()?)?;
                let bits = f64::take(self)?;
                let words = table(&tables.strings, self.varint()?)?;
                list.push(Weight {
                    factor,
                    bits,
                    words,
                });
            }
            tables.evidence.push(list.into());
        }
        Ok(tables)
    }

    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The next `n` bytes.
    #[inline]
    pub fn bytes(&mut self, n: usize) -> Read<&'b [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n).ok_or(Malformed)?;
        self.bytes = rest;
        Ok(head)
    }

    /// The next byte.
    #[inline]
    pub fn byte(&mut self) -> Read<u8> {
        let (&b, rest) = self.bytes.split_first().ok_or(Malformed)?;
        self.bytes = rest;
        Ok(b)
    }

    /// A LEB128 varint of at most 64 bits. Read straight off the slice, a one-byte varint
    /// first: a state holds millions of varints (most of them a byte or two), and in
    /// WebAssembly a call per byte was a third of the time of a warm start's decoding.
    #[inline]
    pub fn varint(&mut self) -> Read<u64> {
        match self.bytes.split_first() {
            Some((&b, rest)) if b < 0x80 => {
                self.bytes = rest;
                Ok(u64::from(b))
            }
            _ => self.long_varint(),
        }
    }

    /// A varint of any length ([`Reader::varint`]'s slow path).
    fn long_varint(&mut self) -> Read<u64> {
        let mut v = 0u64;
        for (i, &b) in self.bytes.iter().enumerate().take(10) {
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                return Err(Malformed);
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                self.bytes = self.bytes.get(i + 1..).ok_or(Malformed)?;
                return Ok(v);
            }
        }
        Err(Malformed)
    }

    /// A count of things each at least one byte long: never more than the bytes left, so a
    /// corrupt count cannot ask for a huge allocation.
    pub fn count(&mut self) -> Read<usize> {
        let n = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
        if n > self.bytes.len() {
            return Err(Malformed);
        }
        Ok(n)
    }

    /// A string [`Writer::str`] wrote.
    pub fn str(&mut self) -> Read<Arc<str>> {
        match self.varint()? {
            0 => {
                let len = self.count()?;
                let text = std::str::from_utf8(self.bytes(len)?).map_err(|_| Malformed)?;
                let text: Arc<str> = Arc::from(text);
                self.read.strings.push(Arc::clone(&text));
                Ok(text)
            }
            n => given_or_read(&self.given.strings, &self.read.strings, n),
        }
    }

    /// An evidence list [`Writer::evidence`] wrote.
    pub fn evidence(&mut self) -> Read<Arc<[Weight]>> {
        match self.varint()? {
            0 => {
                let len = self.count()?;
                let mut list = Vec::with_capacity(capacity(len));
                for _ in 0..len {
                    let factor = self.str()?;
                    let bits = f64::take(self)?;
                    let words = self.str()?;
                    list.push(Weight {
                        factor,
                        bits,
                        words,
                    });
                }
                let list: Arc<[Weight]> = list.into();
                if !list.is_empty() {
                    self.read.evidence.push(Arc::clone(&list));
                }
                Ok(list)
            }
            n => given_or_read(&self.given.evidence, &self.read.evidence, n),
        }
    }
}

/// Room for `n` values read one by one: a count says at most how many bytes are left, and a
/// large value (a task, a note) takes far more room than a byte, so a corrupt count must not
/// reserve it all up front.
pub fn capacity(n: usize) -> usize {
    n.min(1024)
}

/// Entry `n` (1-based) of a table read so far.
fn table<T: ?Sized>(table: &[Arc<T>], n: u64) -> Read<Arc<T>> {
    let i = usize::try_from(n.checked_sub(1).ok_or(Malformed)?).map_err(|_| Malformed)?;
    table.get(i).cloned().ok_or(Malformed)
}

/// Entry `n` (1-based) of the given table followed by the one read so far.
fn given_or_read<T: ?Sized>(given: &[Arc<T>], read: &[Arc<T>], n: u64) -> Read<Arc<T>> {
    match usize::try_from(n)
        .map_err(|_| Malformed)?
        .checked_sub(given.len())
    {
        Some(past) if past > 0 => table(read, past as u64),
        _ => table(given, n),
    }
}

impl Wire for u64 {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(*self);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        r.varint()
    }
}

impl Wire for u32 {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Read<Self> {
        u32::try_from(r.varint()?).map_err(|_| Malformed)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

impl Wire for usize {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(*self as u64);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        usize::try_from(r.varint()?).map_err(|_| Malformed)
    }
}

impl Wire for bool {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.out.push(u8::from(*self));
    }
    fn take(r: &mut Reader) -> Read<Self> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }
}

impl Wire for f64 {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader) -> Read<Self> {
        let mut b = [0; 8];
        b.copy_from_slice(r.bytes(8)?);
        Ok(f64::from_le_bytes(b))
    }
}

impl Wire for char {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.varint(u64::from(u32::from(*self)));
    }
    fn take(r: &mut Reader) -> Read<Self> {
        let v = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
        char::from_u32(v).ok_or(Malformed)
    }
}

impl Wire for Arc<str> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        r.str()
    }
}

impl Wire for String {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        Ok(String::from(&*r.str()?))
    }
}

impl Wire for Box<str> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        Ok(Box::from(&*r.str()?))
    }
}

/// A value the vault shares (a note's tasks): written as the value, read into a new `Arc`.
impl<T: Wire> Wire for Arc<T> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        T::put(self, w);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        T::take(r).map(Arc::new)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        match self {
            None => w.out.push(0),
            Some(v) => {
                w.out.push(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Read<Self> {
        match r.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(r)?)),
            _ => Err(Malformed),
        }
    }
}

/// `items` as [`Wire`] writes a `Vec` of them.
pub fn put_list<'a, T: Wire>(items: &'a [T], w: &mut Writer<'a>) {
    w.varint(items.len() as u64);
    for v in items {
        v.put(w);
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put<'a>(&'a self, w: &mut Writer<'a>) {
        put_list(self, w);
    }
    fn take(r: &mut Reader) -> Read<Self> {
        let n = r.count()?;
        let mut out = Vec::with_capacity(capacity(n));
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: u64) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(v);
        w.out.to_vec()
    }

    #[test]
    fn varints_read_back_as_written_and_refuse_what_no_writer_wrote() {
        let values = [0, 1, 0x7f, 0x80, 300, 1 << 35, u64::MAX - 1, u64::MAX];
        for v in values {
            let bytes = written(v);
            let mut r = Reader::new(&bytes);
            assert_eq!(r.varint(), Ok(v));
            assert!(r.at_end());
            let mut cut = Reader::new(&bytes[..bytes.len() - 1]);
            assert_eq!(cut.varint(), Err(Malformed), "{v} cut short");
        }
        // Past 64 bits: an eleventh byte, or a tenth holding more than the top bit.
        let mut long = vec![0x80; 10];
        long.push(0);
        assert_eq!(Reader::new(&long).varint(), Err(Malformed));
        let mut wide = vec![0xff; 9];
        wide.push(0x02);
        assert_eq!(Reader::new(&wide).varint(), Err(Malformed));
        // Read one after another, each leaves the next where it starts.
        let bytes: Vec<u8> = values.iter().flat_map(|&v| written(v)).collect();
        let mut r = Reader::new(&bytes);
        for v in values {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.byte(), Err(Malformed));
    }
}
